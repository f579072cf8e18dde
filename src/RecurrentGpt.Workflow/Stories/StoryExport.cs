using System.Text;
using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Refusals;

namespace RecurrentGpt.Workflow.Stories;

/// <summary>The story as a reader gets it: the title, then every paragraph in order, read from the paragraph blobs of its lineage.</summary>
public sealed class StoryExport(StoryStateStore states, StoryText text)
{
    public async Task<string> RenderAsync(string storyId, ExportFormat format, CancellationToken cancellationToken)
    {
        StoryState state = (await states.GetAsync(storyId, cancellationToken))?.State ?? throw new StoryNotFoundException(storyId);
        IReadOnlyList<string> texts = (await text.RangeAsync(state, 0, state.ParagraphCount, cancellationToken)).Select(p => p.Text).ToList();
        return Render(TitleOf(state), texts, format, state.Fork);
    }

    /// <summary>Paragraph texts <paramref name="first"/> onwards, in order, read in pages the paragraph store allows.</summary>
    public async Task<IReadOnlyList<string>> ReadTextsAsync(StoryState state, int first, int count, CancellationToken cancellationToken) =>
        (await text.RangeAsync(state, first, count, cancellationToken)).Select(p => p.Text).ToList();

    public static string TitleOf(StoryState state) => string.IsNullOrWhiteSpace(state.Title) ? state.StoryId : state.Title.Trim();

    /// <param name="fork">Where a fork came from: a Markdown export says so in its front matter (a story never forked has none).</param>
    public static string Render(string title, IEnumerable<string> paragraphs, ExportFormat format, ForkOrigin? fork = null)
    {
        var rendered = new StringBuilder();
        if (fork is not null && format == ExportFormat.Markdown)
        {
            // Ids are lower-case letters, digits and hyphens: plain YAML scalars, nothing to quote.
            rendered.Append("---\n")
                .Append("forked_from: ").Append(fork.ParentId).Append('\n')
                .Append("forked_at_step: ").Append(fork.Step.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n')
                .Append("---\n\n");
        }

        rendered.Append(format == ExportFormat.Markdown ? "# " + title : title + "\n" + new string('=', Math.Min(title.Length, 80))).Append("\n\n");
        foreach (string paragraph in paragraphs)
        {
            rendered.Append(paragraph.Trim()).Append("\n\n");
        }

        return rendered.ToString().TrimEnd() + "\n";
    }

    public static ExportFormat? ParseFormat(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "md" or "markdown" => ExportFormat.Markdown,
        "txt" or "text" => ExportFormat.PlainText,
        _ => null,
    };
}
