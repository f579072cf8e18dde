using System.Text;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;

namespace RecurrentGpt.Workflow.Steering;

public enum ExportFormat
{
    Markdown,
    PlainText,
}

/// <summary>The story as a reader gets it: the title, then every paragraph in order, read from the paragraph blobs.</summary>
public sealed class StoryExport(StoryStateStore states, ParagraphStore paragraphs)
{
    public async Task<string> RenderAsync(string storyId, ExportFormat format, CancellationToken cancellationToken)
    {
        StoryState state = (await states.GetAsync(storyId, cancellationToken))?.State ?? throw new StoryNotFoundException(storyId);
        IReadOnlyList<StoredParagraph> texts = await paragraphs.ReadRangeAsync(storyId, 0, state.ParagraphCount, cancellationToken);
        string title = string.IsNullOrWhiteSpace(state.Title) ? storyId : state.Title.Trim();
        var text = new StringBuilder();
        text.Append(format == ExportFormat.Markdown ? "# " + title : title + "\n" + new string('=', Math.Min(title.Length, 80))).Append("\n\n");
        foreach (StoredParagraph paragraph in texts)
        {
            text.Append(paragraph.Text.Trim()).Append("\n\n");
        }

        return text.ToString().TrimEnd() + "\n";
    }

    public static ExportFormat? ParseFormat(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "md" or "markdown" => ExportFormat.Markdown,
        "txt" or "text" => ExportFormat.PlainText,
        _ => null,
    };
}
