using Microsoft.Extensions.AI;
using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Retrieval;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Core.Writing;

/// <summary>
/// The recurrence driven end to end in memory, for rehearsals and the benchmarks: a thin driver over the rules the
/// durable workflow's activities apply (<see cref="RecallPolicy"/>, <see cref="StepInputs"/>, <see cref="RecommendedChoice"/>,
/// <see cref="StoryAdvance"/>), with the state held here instead of in a table row. Stories that must survive a restart
/// run in the workflow.
/// </summary>
public sealed class InMemoryStory(RecurrentWriter writer, IEmbeddingGenerator<string, Embedding<float>> embedder, StoryMode mode = StoryMode.Auto)
{
    private readonly List<StoryParagraph> _paragraphs = [];
    private VectorIndex? _index;
    private StoryState? _state;
    private TokenUsage? _choiceUsage;

    public StoryState State => _state ?? throw new InvalidOperationException("Open the story before reading its state.");

    public IReadOnlyList<StoryParagraph> Paragraphs => _paragraphs;

    public ShortTermMemory Memory => ShortTermMemory.FromText(State.ShortTermMemory);

    public TokenUsage Usage { get; private set; } = TokenUsage.None;

    public async Task<WriterResult<OpeningOutcome>> OpenAsync(Premise premise, CancellationToken cancellationToken)
    {
        WriterResult<OpeningOutcome> result = await writer.OpenAsync(premise, cancellationToken);
        var created = new StoryState { StoryId = "in-memory", Premise = premise, Mode = mode, TargetParagraphs = StoryLimits.MaxTargetParagraphs, Settings = writer.Prompts.Settings };
        foreach (string paragraph in result.Value.Opening.Paragraphs)
        {
            await CommitAsync(new StoryParagraph(paragraph, ParagraphSummary.FromFirstSentence(paragraph)), cancellationToken);
        }

        _state = StoryAdvance.Opened(created, result.Value, result.Exchanges);
        Usage = Usage.Add(result.Usage);
        return result;
    }

    /// <summary>One step of the recurrence with <paramref name="plan"/> as the chosen plan.</summary>
    public async Task<StepReport> WriteAsync(string plan, CancellationToken cancellationToken)
    {
        StoryState state = State;
        int step = state.Step + 1;
        IReadOnlyList<RetrievedMemory> recalled = await RecallAsync(state, plan, cancellationToken);
        StepRequest request = StepInputs.For(state, step, _paragraphs[^1].Text, recalled, plan);
        WriterResult<StepOutcome> result = await writer.WriteStepAsync(request, RecommendedChoice.IsAskedFor(state), cancellationToken);
        StepDraft draft = result.Value.Draft;
        await CommitAsync(new StoryParagraph(draft.Paragraph, draft.Summary), cancellationToken);
        var record = new StepRecord(state.StoryId, step, request, result.Exchanges, draft, result.Value.Memory.Text, result.Value.Bounding, DateTimeOffset.UtcNow)
        {
            ChoiceUsage = _choiceUsage,
        };
        _choiceUsage = null;
        _state = StoryAdvance.Committed(state, record);
        Usage = Usage.Add(result.Usage);
        return new StepReport(step, result.Value, recalled, result.Exchanges);
    }

    /// <summary>
    /// Auto mode's choice: the plan the step call recommended when it named one, otherwise the human simulator's
    /// refined plan (one more call).
    /// </summary>
    public async Task<string> ChooseAsync(CancellationToken cancellationToken)
    {
        StoryState state = State;
        if (RecommendedChoice.For(state, state.Step + 1, DateTimeOffset.UtcNow) is PlanChoice recommended)
        {
            return recommended.Plan;
        }

        WriterResult<PlanPick> pick = await writer.ChoosePlanAsync(StepInputs.ForChoice(state, _paragraphs[^1].Text), cancellationToken);
        _choiceUsage = pick.Usage;
        Usage = Usage.Add(pick.Usage);
        return pick.Value.RefinedPlan;
    }

    private async Task<IReadOnlyList<RetrievedMemory>> RecallAsync(StoryState state, string plan, CancellationToken cancellationToken)
    {
        if (_index is null || RecallPolicy.For(state) is not RecallPolicy policy)
        {
            return [];
        }

        Embedding<float> query = await embedder.GenerateAsync(plan, cancellationToken: cancellationToken);
        IReadOnlyList<VectorMatch> matches = _index.TopK(query.Vector.Span, policy.Count, policy.ExcludedParagraph);
        return matches.Select((m, rank) => new RetrievedMemory(
            m.ParagraphIndex,
            _paragraphs[m.ParagraphIndex].Summary,
            rank == 0 && policy.BestMatchInFull ? _paragraphs[m.ParagraphIndex].Text : null,
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
