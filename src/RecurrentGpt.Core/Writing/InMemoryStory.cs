using Microsoft.Extensions.AI;
using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Retrieval;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Core.Writing;

/// <summary>A committed paragraph and its long-term memory entry.</summary>
public sealed record StoryParagraph(string Text, string Summary);

/// <summary>What one step did: its outcome, the memories it recalled and every model exchange.</summary>
public sealed record StepReport(int Step, StepOutcome Outcome, IReadOnlyList<RetrievedMemory> Recalled, IReadOnlyList<ModelExchange> Exchanges);

/// <summary>
/// The recurrence driven end to end in memory: retrieve, write, commit, choose. It serves rehearsals, benchmarks
/// and tests of the cell itself; stories that must survive a restart run in the durable workflow instead.
/// </summary>
public sealed class InMemoryStory(RecurrentWriter writer, IEmbeddingGenerator<string, Embedding<float>> embedder)
{
    private readonly List<StoryParagraph> _paragraphs = [];
    private VectorIndex? _index;

    public Premise? Premise { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Outline { get; private set; } = string.Empty;

    public IReadOnlyList<StoryParagraph> Paragraphs => _paragraphs;

    public ShortTermMemory Memory { get; set; } = ShortTermMemory.Empty;

    public IReadOnlyList<string> Plans { get; private set; } = [];

    public int? RecommendedPlan { get; private set; }

    public int Step { get; private set; }

    public TokenUsage Usage { get; private set; } = TokenUsage.None;

    private WriterSettings Settings => writer.Prompts.Settings;

    public async Task<WriterResult<OpeningOutcome>> OpenAsync(Premise premise, CancellationToken cancellationToken)
    {
        WriterResult<OpeningOutcome> result = await writer.OpenAsync(premise, cancellationToken);
        Premise = premise;
        Title = result.Value.Opening.Title;
        Outline = result.Value.Opening.Outline;
        Memory = result.Value.Memory;
        Plans = result.Value.Opening.Plans;
        Usage = Usage.Add(result.Usage);
        foreach (string paragraph in result.Value.Opening.Paragraphs)
        {
            await CommitAsync(new StoryParagraph(paragraph, ParagraphSummary.FromFirstSentence(paragraph)), cancellationToken);
        }

        return result;
    }

    /// <summary>One step of the recurrence with <paramref name="plan"/> as the chosen plan.</summary>
    public async Task<StepReport> WriteAsync(string plan, bool recommend, CancellationToken cancellationToken)
    {
        if (Premise is null)
        {
            throw new InvalidOperationException("Open the story before writing steps.");
        }

        IReadOnlyList<RetrievedMemory> recalled = await RecallAsync(plan, cancellationToken);
        var request = new StepRequest(Premise, Title, Outline, Step + 1, _paragraphs[^1].Text, Memory, recalled, plan);
        WriterResult<StepOutcome> result = await writer.WriteStepAsync(request, recommend, cancellationToken);
        StepDraft draft = result.Value.Draft;
        await CommitAsync(new StoryParagraph(draft.Paragraph, draft.Summary), cancellationToken);
        Memory = result.Value.Memory;
        Plans = draft.Plans;
        RecommendedPlan = draft.RecommendedPlan;
        Step++;
        Usage = Usage.Add(result.Usage);
        return new StepReport(Step, result.Value, recalled, result.Exchanges);
    }

    /// <summary>
    /// Auto mode's choice: the plan the step call recommended when it named one, otherwise the human simulator's
    /// refined plan (one more call).
    /// </summary>
    public async Task<string> ChooseAsync(CancellationToken cancellationToken)
    {
        if (Settings.RecommendPlanInStep && RecommendedPlan is int recommended)
        {
            return Plans[recommended - 1];
        }

        var choice = new PlanChoiceRequest(Premise!, Outline, _paragraphs[^1].Text, Memory, Plans);
        WriterResult<PlanPick> pick = await writer.ChoosePlanAsync(choice, cancellationToken);
        Usage = Usage.Add(pick.Usage);
        return pick.Value.RefinedPlan;
    }

    private async Task<IReadOnlyList<RetrievedMemory>> RecallAsync(string plan, CancellationToken cancellationToken)
    {
        if (_index is null || Settings.RecalledParagraphs == 0)
        {
            return [];
        }

        Embedding<float> query = await embedder.GenerateAsync(plan, cancellationToken: cancellationToken);
        IReadOnlyList<VectorMatch> matches = _index.TopK(query.Vector.Span, Settings.RecalledParagraphs, excludedParagraph: _paragraphs.Count - 1);
        return matches.Select((m, rank) => new RetrievedMemory(
            m.ParagraphIndex,
            _paragraphs[m.ParagraphIndex].Summary,
            rank == 0 && Settings.RecallBestMatchInFull ? _paragraphs[m.ParagraphIndex].Text : null,
            m.Score)).ToList();
    }

    // Each paragraph is embedded once, when it is committed.
    private async Task CommitAsync(StoryParagraph paragraph, CancellationToken cancellationToken)
    {
        Embedding<float> embedding = await embedder.GenerateAsync(paragraph.Text, cancellationToken: cancellationToken);
        _index ??= new VectorIndex(embedding.Vector.Length);
        _index.Upsert(_paragraphs.Count, embedding.Vector.Span);
        _paragraphs.Add(paragraph);
    }
}
