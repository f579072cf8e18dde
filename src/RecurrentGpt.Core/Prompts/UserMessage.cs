using System.Text;
using System.Text.RegularExpressions;

namespace RecurrentGpt.Core.Prompts;

/// <summary>
/// Builds a user message of tagged sections. User text is delimited, and anything tag-like inside it is defused,
/// so a plan or a paragraph cannot close its section and pose as instructions.
/// </summary>
internal sealed partial class UserMessage(PromptBook book)
{
    private readonly StringBuilder _text = new();

    public UserMessage Section(string tag, string? content)
    {
        if (_text.Length > 0)
        {
            _text.Append("\n\n");
        }

        string body = string.IsNullOrWhiteSpace(content) ? book.Nothing : Defuse(content.Trim());
        _text.Append("# ").Append(book.Heading(tag)).Append('\n')
            .Append('<').Append(tag).Append(">\n")
            .Append(body).Append('\n')
            .Append("</").Append(tag).Append('>');
        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>
    /// Turns every "&lt;" that opens something tag-like (a name, a slash, "|" or "!", after any spacing or invisible
    /// characters) into "‹", so neither our tags nor a chat template's (&lt;|im_start|&gt;) nor look-alikes survive.
    /// </summary>
    public static string Defuse(string text) => TagOpener().Replace(text, "‹");

    /// <summary>One line: for a label (genre, title) or a list entry, whose line breaks would let it pose as another line.</summary>
    public static string OneLine(string text) => LineBreaks().Replace(text.Trim(), " ");

    [GeneratedRegex(@"[<＜](?=[\s\p{Cf}]*/?[\s\p{Cf}]*[\p{L}|!])", RegexOptions.CultureInvariant)]
    private static partial Regex TagOpener();

    [GeneratedRegex(@"[ \t]*[\r\n\u0085\u2028\u2029]+\s*", RegexOptions.CultureInvariant)]
    private static partial Regex LineBreaks();
}
