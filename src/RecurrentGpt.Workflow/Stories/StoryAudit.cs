using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Lines;
using RecurrentGpt.Workflow.Refusals;

namespace RecurrentGpt.Workflow.Stories;

/// <summary>
/// Reads one story's blobs and rows against each other and says what does not agree, one sentence a finding: paragraphs
/// missing, doubled or beyond the count, a step without its record, snapshot or choice, a step's paragraph that is not
/// the one its record wrote, token totals that are not the sum of the records. Empty when the story is whole. Each
/// paragraph and step is looked for in the line of the story's lineage that holds it; the lines it left (branches) count
/// only towards what the story spent.
/// </summary>
public sealed class StoryAudit(StoryStateStore states, ParagraphStore paragraphs, StepRecordStore records, LineageReader lineages)
{
    public async Task<IReadOnlyList<string>> CheckAsync(string storyId, CancellationToken cancellationToken)
    {
        StoryState state = (await states.GetAsync(storyId, cancellationToken))?.State ?? throw new StoryNotFoundException(storyId);
        var findings = new List<string>();
        if (!state.IsOpened)
        {
            return findings;
        }

        // A fork's opening is its root's: the first line of its lineage.
        Lineage lineage = await lineages.LinesAsync(state, cancellationToken);
        OpeningRecord? opening = await records.ReadOpeningAsync(lineage.Segments[0].StoryId, cancellationToken);
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

        var texts = new List<StoredParagraph>(state.ParagraphCount);
        foreach (LineRange range in lineage.Ranges(state.ParagraphCount))
        {
            bool current = range.Line == state.CurrentLine;
            IReadOnlyList<StoredParagraph> read = await ReadParagraphsAsync(range, current, findings, cancellationToken);
            await CheckParagraphRowsAsync(range, current, read, findings, cancellationToken);
            texts.AddRange(read);
        }

        // The records of the story's own steps are read once: checked here, and counted below with those of its branches.
        var ownRecords = new Dictionary<(LineRef Line, int Step), StepRecord>();
        for (int step = 1; step <= state.Step; step++)
        {
            LineRef owner = lineage.OwnerOfStep(step);
            if (await ReadRecordAsync(owner, step, findings, cancellationToken) is StepRecord record)
            {
                ownRecords[(owner, step)] = record;
                await CheckStepAsync(owner, record, openingParagraphs + step - 1, texts, findings, cancellationToken);
            }
        }

        // A fork spent nothing on the text it inherited: its parent did.
        TokenUsage spent = state.Fork is null ? TokenUsage.Of(opening.Exchanges) : new TokenUsage(0, 0, 0);
        foreach ((LineRef line, int first, int tip) in await CommittedStepsAsync(state, cancellationToken))
        {
            for (int step = Math.Max(1, first); step <= tip; step++)
            {
                if ((ownRecords.TryGetValue((line, step), out StepRecord? known) ? known : await records.ReadAsync(line, step, cancellationToken)) is StepRecord record)
                {
                    spent = spent.Add(record.Usage);
                }
            }
        }

        for (int step = 0; step <= state.Step; step++)
        {
            if (await states.GetSnapshotAsync(lineage.OwnerOfStep(step), step, cancellationToken) is not MemorySnapshot snapshot)
            {
                findings.Add($"step {step} has no snapshot");
            }
            else if (snapshot.ParagraphCount != openingParagraphs + step)
            {
                findings.Add($"the snapshot of step {step} counts {snapshot.ParagraphCount} paragraphs, not {openingParagraphs + step}");
            }
        }

        // The next step's record may be there already (written, not yet committed); none beyond it may be.
        foreach (int extra in (await records.ListStepsAsync(state.CurrentLine, cancellationToken)).Where(step => step > state.Step + 1))
        {
            findings.Add($"step {extra} has a record, but only {state.Step} steps are committed");
        }

        if (spent.InputTokens != state.InputTokens || spent.OutputTokens != state.OutputTokens)
        {
            findings.Add($"the story counts {state.InputTokens} tokens in and {state.OutputTokens} out, but its records add up to {spent.InputTokens} in and {spent.OutputTokens} out");
        }

        return findings;
    }

    /// <summary>
    /// Per line of this story (those of its lineage and of every branch it left), the steps committed there: from where
    /// the line begins to the furthest step any lineage reached on it. What the story spent is what those records spent.
    /// </summary>
    private async Task<IReadOnlyList<(LineRef Line, int First, int Tip)>> CommittedStepsAsync(StoryState state, CancellationToken cancellationToken)
    {
        var extent = new Dictionary<LineRef, (int First, int Tip)>();
        foreach (StoryState tip in (await states.ListBranchesAsync(state.StoryId, cancellationToken)).Append(state))
        {
            IReadOnlyList<LineSegment> segments = tip.Lines.Segments;
            for (int i = 0; i < segments.Count; i++)
            {
                int last = i + 1 < segments.Count ? segments[i + 1].FirstStep - 1 : tip.Step;
                LineRef line = segments[i].Line;
                if (line.StoryId == state.StoryId)
                {
                    extent[line] = extent.TryGetValue(line, out var known)
                        ? (Math.Min(known.First, segments[i].FirstStep), Math.Max(known.Tip, last))
                        : (segments[i].FirstStep, last);
                }
            }
        }

        return extent.Select(pair => (pair.Key, pair.Value.First, pair.Value.Tip)).ToList();
    }

    private async Task<IReadOnlyList<StoredParagraph>> ReadParagraphsAsync(LineRange range, bool current, List<string> findings, CancellationToken cancellationToken)
    {
        IReadOnlyList<int> present = await paragraphs.ListIndexesAsync(range.Line, cancellationToken);
        var held = present.ToHashSet();
        findings.AddRange(Enumerable.Range(range.From, range.Count).Where(index => !held.Contains(index)).Select(index => $"paragraph {index} has no blob"));

        // Beyond the count on the line the story writes to is an orphan; on an earlier line it is a branch the story left.
        if (current)
        {
            findings.AddRange(present.Where(index => index >= range.To).Select(index => $"paragraph {index} has a blob, but only {range.To} paragraphs are counted"));
        }

        var texts = new List<StoredParagraph>(range.Count);
        for (int first = range.From; first < range.To; first += ParagraphStore.MaxRangeCount)
        {
            texts.AddRange(await paragraphs.ReadRangeAsync(range.Line, first, Math.Min(ParagraphStore.MaxRangeCount, range.To - first), cancellationToken));
        }

        return texts;
    }

    private async Task CheckParagraphRowsAsync(LineRange range, bool current, IReadOnlyList<StoredParagraph> texts, List<string> findings, CancellationToken cancellationToken)
    {
        int count = range.To;
        Dictionary<int, ParagraphEntry> rows = (await states.GetParagraphsAsync(range.Line, range.From, current ? StorageKeys.MaxNumber + 1 : range.To, cancellationToken)).ToDictionary(row => row.Index);
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

    private async Task<StepRecord?> ReadRecordAsync(LineRef line, int step, List<string> findings, CancellationToken cancellationToken)
    {
        try
        {
            StepRecord? record = await records.ReadAsync(line, step, cancellationToken);
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

    private async Task CheckStepAsync(LineRef line, StepRecord record, int index, IReadOnlyList<StoredParagraph> texts, List<string> findings, CancellationToken cancellationToken)
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

        PlanChoice? choice = await states.GetChoiceAsync(line, record.Step, cancellationToken);
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
