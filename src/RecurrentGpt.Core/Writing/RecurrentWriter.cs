using Microsoft.Extensions.AI;
using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Parsing;
using RecurrentGpt.Core.Prompts;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Core.Writing;

/// <summary>
/// The recurrent cell: one model call per step, parsed strictly (slips with one obvious meaning are normalised and
/// recorded on the exchange, not repaired), repaired a bounded number of times when meaning is missing,
/// with the short-term memory updated by code and held under its cap.
/// </summary>
public sealed class RecurrentWriter
{
    private readonly IChatClient _chat;

    public RecurrentWriter(IChatClient chat, WriterSettings settings)
    {
        IReadOnlyList<string> problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid writer settings: " + string.Join("; ", problems), nameof(settings));
        }

        _chat = chat;
        Prompts = new PromptBuilder(settings);
    }

    public PromptBuilder Prompts { get; }

    private WriterSettings Settings => Prompts.Settings;

    public async Task<WriterResult<OpeningOutcome>> OpenAsync(Premise premise, CancellationToken cancellationToken)
    {
        var exchanges = new List<ModelExchange>();
        StoryOpening opening = await CallAsync(Prompts.Opening(premise), OutputParsers.ParseOpening, exchanges, cancellationToken);
        (ShortTermMemory memory, MemoryBounding bounding) =
            await BoundAsync(ShortTermMemory.FromText(opening.ShortTermMemory), premise.Language, exchanges, cancellationToken);
        return new(new OpeningOutcome(opening, memory, bounding), exchanges);
    }

    /// <param name="recommend">Ask the step call to name its best plan (auto mode).</param>
    public async Task<WriterResult<StepOutcome>> WriteStepAsync(StepRequest step, bool recommend, CancellationToken cancellationToken)
    {
        var exchanges = new List<ModelExchange>();
        StepDraft draft = await CallAsync(
            Prompts.Step(step, recommend),
            raw => OutputParsers.ParseStep(raw, step.ShortTermMemory, Settings.MemoryMode, recommend),
            exchanges,
            cancellationToken);
        ShortTermMemory updated = step.ShortTermMemory.Apply(draft.MemoryUpdate);
        (ShortTermMemory memory, MemoryBounding bounding) = await BoundAsync(updated, step.Premise.Language, exchanges, cancellationToken);
        return new(new StepOutcome(draft, memory, bounding), exchanges);
    }

    /// <summary>The human simulator: picks one of the plans and refines it.</summary>
    public async Task<WriterResult<PlanPick>> ChoosePlanAsync(PlanChoiceRequest choice, CancellationToken cancellationToken)
    {
        var exchanges = new List<ModelExchange>();
        PlanPick pick = await CallAsync(
            Prompts.PlanChoice(choice),
            raw => OutputParsers.ParsePlanPick(raw, choice.Plans.Count),
            exchanges,
            cancellationToken);
        return new(pick, exchanges);
    }

    /// <summary>
    /// Holds the memory under the cap: one compression request when over, then deterministic trimming of the
    /// oldest sentences if the compressed memory is still over or did not parse.
    /// </summary>
    private async Task<(ShortTermMemory, MemoryBounding)> BoundAsync(
        ShortTermMemory memory, StoryLanguage language, List<ModelExchange> exchanges, CancellationToken cancellationToken)
    {
        int cap = Settings.MemoryCapUnits;
        if (memory.Units <= cap)
        {
            return (memory, MemoryBounding.WithinCap);
        }

        PromptRequest request = Prompts.Compression(memory, language);
        (string raw, ModelExchange exchange) = await SendAsync(request, 0, cancellationToken);
        ParseResult<string> parsed = OutputParsers.ParseCompressedMemory(raw);
        exchanges.Add(exchange with { ParseError = parsed.Succeeded ? null : parsed.Error, Normalisations = parsed.Normalisations });
        if (parsed.Value is string compressedText)
        {
            var compressed = ShortTermMemory.FromText(compressedText);
            if (compressed.Units <= cap && compressed.Sentences.Count > 0)
            {
                return (compressed, MemoryBounding.Compressed);
            }
        }

        return (memory.TrimOldestTo(cap), MemoryBounding.Trimmed);
    }

    private async Task<T> CallAsync<T>(
        PromptRequest request, Func<string, ParseResult<T>> parse, List<ModelExchange> exchanges, CancellationToken cancellationToken)
        where T : class
    {
        var attempts = new List<ModelExchange>();
        for (int attempt = 0; ; attempt++)
        {
            (string raw, ModelExchange exchange) = await SendAsync(request, attempt, cancellationToken);
            ParseResult<T> parsed = parse(raw);
            exchange = exchange with { ParseError = parsed.Succeeded ? null : parsed.Error, Normalisations = parsed.Normalisations };
            attempts.Add(exchange);
            exchanges.Add(exchange);
            if (parsed.Value is T value)
            {
                return value;
            }

            if (attempt >= Settings.MaxRepairs)
            {
                throw new ModelOutputException(request.Purpose, attempts);
            }

            request = PromptBuilder.WithRepair(request, raw, parsed.Error);
        }
    }

    private async Task<(string Raw, ModelExchange Exchange)> SendAsync(PromptRequest request, int attempt, CancellationToken cancellationToken)
    {
        ChatResponse response = await _chat.GetResponseAsync(request.Messages, request.Options.Clone(), cancellationToken);
        string raw = response.Text;
        return (raw, new ModelExchange(
            request.Purpose,
            attempt,
            raw,
            null,
            response.Usage?.InputTokenCount ?? 0,
            response.Usage?.OutputTokenCount ?? 0,
            response.ModelId));
    }
}
