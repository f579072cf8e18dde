using System.Text;
using System.Text.RegularExpressions;

namespace RecurrentGpt.Core.Prompts;

/// <summary>
/// Builds a user message of tagged sections. User text is delimited, and any of our own tags inside it is
/// defused, so a plan or a paragraph cannot close its section and pose as instructions.
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

    public static string Defuse(string text) => OurTag().Replace(text, m => "‹" + m.Value[1..]);

    [GeneratedRegex(@"</?\s*(premise|story|outline|related_paragraphs|memory|previous_paragraph|plan|plans|latest_paragraph)\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OurTag();
}
