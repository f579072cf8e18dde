using System.Text;
using RecurrentGpt.Core.Writing;

namespace RecurrentGpt.Local.Cli;

/// <summary>The story as a reader gets it: the title as a heading, then the paragraphs.</summary>
internal static class StoryMarkdown
{
    public static string Render(string title, IEnumerable<StoryParagraph> paragraphs)
    {
        var text = new StringBuilder().Append("# ").Append(title.Trim()).Append("\n\n");
        foreach (StoryParagraph paragraph in paragraphs)
        {
            text.Append(paragraph.Text.Trim()).Append("\n\n");
        }

        return text.ToString().TrimEnd() + "\n";
    }
}
