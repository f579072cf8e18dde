namespace RecurrentGpt.Core.Parsing;

/// <summary>Finds the JSON object in an output that may wrap it in prose or code fences.</summary>
internal static class JsonObjectLocator
{
    public enum Outcome
    {
        NoObject,
        Found,
        CutOff,
    }

    /// <summary>The first balanced top-level object (strings and escapes respected) and where it starts, or why there is none.</summary>
    public static Outcome Locate(string text, out string json, out int start)
    {
        json = string.Empty;
        start = FirstObjectStart(text);
        if (start < 0)
        {
            return Outcome.NoObject;
        }

        int depth = 0;
        bool inString = false;
        bool escaped = false;
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (inString)
            {
                if (escaped)
                {
                    escaped = false;
                }
                else if (c == '\\')
                {
                    escaped = true;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{':
                case '[':
                    depth++;
                    break;
                case '}':
                case ']':
                    depth--;
                    if (depth == 0)
                    {
                        json = text[start..(i + 1)];
                        return Outcome.Found;
                    }

                    break;
            }
        }

        json = text[start..];
        return Outcome.CutOff;
    }

    // An object starts at a '{' followed (after white space) by a quote or a closing brace: braces inside prose do not count.
    private static int FirstObjectStart(string text)
    {
        for (int i = text.IndexOf('{', StringComparison.Ordinal); i >= 0; i = text.IndexOf('{', i + 1))
        {
            int next = i + 1;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next == text.Length || text[next] is '"' or '}' or '\'')
            {
                return i;
            }
        }

        return -1;
    }
}
