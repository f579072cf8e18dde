using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Refusals;

namespace RecurrentGpt.Workflow.Stories;

/// <summary>
/// Reads one story's blobs and rows against each other and says what does not agree, one sentence a finding: paragraphs
/// missing, doubled or beyond the count, a step without its record, snapshot or choice, a step's paragraph that is not
/// the one its record wrote, token totals that are not the sum of the records. Empty when the story is whole.
/// </summary>
public sealed class StoryAudit(StoryStateStore states, ParagraphStore paragraphs, StepRecordStore records)
{
    public async Task<IReadOnlyList<string>> CheckAsync(string storyId, CancellationToken cancellationToken)
    {
        StoryState state = (await states.GetAsync(storyId, cancellationToken))?.State ?? throw new StoryNotFoundException(storyId);
        var findings = new List<string>();
        if (!state.IsOpened)
        {
            return findings;
        }

        OpeningRecord? opening = await records.ReadOpeningAsync(storyId, cancellationToken);
        if (opening is null)
        {
            findings.Add("the opening has no record");
            return findings;
        }

        int openingParagraphs = opening.Opening.Paragraphs.Count;
        if (state.ParagraphCount != openingParagraphs + state.Step)
        {
            findings.Add($"{state.ParagraphCount} paragraphs are counted, but the opening wrote {openingParagraphs} and {state.Step} steps are committed (one paragraph each)");
        }

        IReadOnlyList<StoredParagraph> texts = await ReadParagraphsAsync(storyId, state.ParagraphCount, findings, cancellationToken);
        await CheckParagraphRowsAsync(storyId, state.ParagraphCount, texts, findings, cancellationToken);

        TokenUsage spent = TokenUsage.Of(opening.Exchanges);
        for (int step = 1; step <= state.Step; step++)
        {
            StepRecord? record = await ReadRecordAsync(storyId, step, findings, cancellationToken);
            if (record is null)
            {
                continue;
            }

            spent = spent.Add(record.Usage);
            await CheckStepAsync(storyId, record, openingParagraphs + step - 1, texts, findings, cancellationToken);
        }

        for (int step = 0; step <= state.Step; step++)
        {
            if (await states.GetSnapshotAsync(storyId, step, cancellationToken) is not MemorySnapshot snapshot)
            {
                findings.Add($"step {step} has no snapshot");
            }
            else if (snapshot.ParagraphCount != openingParagraphs + step)
            {
                findings.Add($"the snapshot of step {step} counts {snapshot.ParagraphCount} paragraphs, not {openingParagraphs + step}");
            }
        }

        // The next step's record may be there already (written, not yet committed); none beyond it may be.
        foreach (int extra in (await records.ListStepsAsync(storyId, cancellationToken)).Where(step => step > state.Step + 1))
        {
            findings.Add($"step {extra} has a record, but only {state.Step} steps are committed");
        }

        if (spent.InputTokens != state.InputTokens || spent.OutputTokens != state.OutputTokens)
        {
            findings.Add($"the story counts {state.InputTokens} tokens in and {state.OutputTokens} out, but its records add up to {spent.InputTokens} in and {spent.OutputTokens} out");
        }

        return findings;
    }

    private async Task<IReadOnlyList<StoredParagraph>> ReadParagraphsAsync(string storyId, int count, List<string> findings, CancellationToken cancellationToken)
    {
        IReadOnlyList<int> present = await paragraphs.ListIndexesAsync(storyId, cancellationToken);
        var held = present.ToHashSet();
        findings.AddRange(Enumerable.Range(0, count).Where(index => !held.Contains(index)).Select(index => $"paragraph {index} has no blob"));
        findings.AddRange(present.Where(index => index >= count).Select(index => $"paragraph {index} has a blob, but only {count} paragraphs are counted"));

        var texts = new List<StoredParagraph>(count);
        for (int first = 0; first < count; first += ParagraphStore.MaxRangeCount)
        {
            texts.AddRange(await paragraphs.ReadRangeAsync(storyId, first, Math.Min(ParagraphStore.MaxRangeCount, count - first), cancellationToken));
        }

        return texts;
    }

    private async Task CheckParagraphRowsAsync(string storyId, int count, IReadOnlyList<StoredParagraph> texts, List<string> findings, CancellationToken cancellationToken)
    {
        Dictionary<int, ParagraphEntry> rows = (await states.GetParagraphsAsync(storyId, 0, cancellationToken)).ToDictionary(row => row.Index);
        foreach (StoredParagraph text in texts)
        {
            if (!rows.TryGetValue(text.Index, out ParagraphEntry? row))
            {
                findings.Add($"paragraph {text.Index} has no row (no embedding: recall cannot find it)");
            }
            else if (row.Step != text.Step || row.Revision != text.Revision)
            {
                findings.Add($"paragraph {text.Index}: its blob is step {text.Step} revision {text.Revision}, its row step {row.Step} revision {row.Revision}");
            }
        }

        findings.AddRange(rows.Keys.Where(index => index >= count).Order().Select(index => $"paragraph {index} has a row, but only {count} paragraphs are counted"));
    }

    private async Task<StepRecord?> ReadRecordAsync(string storyId, int step, List<string> findings, CancellationToken cancellationToken)
    {
        try
        {
            StepRecord? record = await records.ReadAsync(storyId, step, cancellationToken);
            if (record is null)
            {
                findings.Add($"step {step} is committed but has no record");
            }

            return record;
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException)
        {
            findings.Add($"step {step}: its record cannot be read ({ex.Message})");
            return null;
        }
    }

    private async Task CheckStepAsync(string storyId, StepRecord record, int index, IReadOnlyList<StoredParagraph> texts, List<string> findings, CancellationToken cancellationToken)
    {
        StoredParagraph? paragraph = texts.FirstOrDefault(text => text.Index == index);
        if (paragraph is not null && paragraph.Step != record.Step)
        {
            findings.Add($"paragraph {index} should be step {record.Step}'s, but its blob says step {paragraph.Step}");
        }
        else if (paragraph is { Revision: 1, Author: ParagraphAuthor.Model } && paragraph.Text != record.Draft.Paragraph)
        {
            findings.Add($"paragraph {index} is not the text step {record.Step}'s record wrote");
        }

        PlanChoice? choice = await states.GetChoiceAsync(storyId, record.Step, cancellationToken);
        if (choice is null)
        {
            findings.Add($"step {record.Step} has no recorded choice");
        }
        else if (choice.Plan != record.Inputs.ChosenPlan)
        {
            findings.Add($"step {record.Step} was written from another plan than the one recorded for it");
        }
    }
}
