using System.Text;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Refusals;

namespace RecurrentGpt.Workflow.Stories;

/// <summary>The story as a reader gets it: the title, then every paragraph in order, read from the paragraph blobs.</summary>
public sealed class StoryExport(StoryStateStore states, ParagraphStore paragraphs)
{
    public async Task<string> RenderAsync(string storyId, ExportFormat format, CancellationToken cancellationToken)
    {
        StoryState state = (await states.GetAsync(storyId, cancellationToken))?.State ?? throw new StoryNotFoundException(storyId);
        IReadOnlyList<string> texts = await ReadTextsAsync(storyId, 0, state.ParagraphCount, cancellationToken);
        return Render(TitleOf(state), texts, format);
    }

    /// <summary>Paragraph texts <paramref name="first"/> onwards, in order, read in pages the paragraph store allows.</summary>
    public async Task<IReadOnlyList<string>> ReadTextsAsync(string storyId, int first, int count, CancellationToken cancellationToken)
    {
        var texts = new List<string>(count);
        for (int page = first; page < first + count; page += ParagraphStore.MaxRangeCount)
        {
            int size = Math.Min(ParagraphStore.MaxRangeCount, first + count - page);
            texts.AddRange((await paragraphs.ReadRangeAsync(storyId, page, size, cancellationToken)).Select(p => p.Text));
        }

        return texts;
    }

    public static string TitleOf(StoryState state) => string.IsNullOrWhiteSpace(state.Title) ? state.StoryId : state.Title.Trim();

    public static string Render(string title, IEnumerable<string> paragraphs, ExportFormat format)
    {
        var text = new StringBuilder();
        text.Append(format == ExportFormat.Markdown ? "# " + title : title + "\n" + new string('=', Math.Min(title.Length, 80))).Append("\n\n");
        foreach (string paragraph in paragraphs)
        {
            text.Append(paragraph.Trim()).Append("\n\n");
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
