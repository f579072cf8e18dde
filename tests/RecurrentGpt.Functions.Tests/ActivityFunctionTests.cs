using Microsoft.Extensions.DependencyInjection;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.Infrastructure.Offline;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Contracts;

namespace RecurrentGpt.Functions.Tests;

/// <summary>Activity function classes called directly, as the worker would after binding the trigger, on a private Azurite.</summary>
public class ActivityFunctionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Premise Lighthouse = new("mystery", "a lighthouse keeper finds a message in a bottle", null, StoryLanguage.English);

    [Fact]
    public async Task InitializeStory_function_writes_the_opening_and_a_second_run_changes_nothing()
    {
        await using ServiceProvider services = await ComposeAsync();
        string id = await CreateStoryAsync(services, TimeoutPolicy.KeepWaiting);
        var function = ActivatorUtilities.CreateInstance<InitializeStoryFunction>(services);

        StoryProgress opened = await function.RunAsync(id, id);
        StoryProgress again = await function.RunAsync(id, id);

        Assert.Equal(StoryStatus.AwaitingChoice, opened.Status);
        Assert.Equal(0, opened.Step);
        Assert.Equal(3, opened.Plans.Count);
        Assert.Equal(opened with { Plans = again.Plans }, again);
        Assert.Equal(opened.Plans, again.Plans);
        StoryState state = await StateAsync(services, id);
        Assert.Equal(OfflineWriter.ModelId, state.ModelId);
        Assert.Equal(opened.ParagraphCount, state.ParagraphCount);
        for (int index = 0; index < state.ParagraphCount; index++)
        {
            StoredParagraph? paragraph = await services.GetRequiredService<ParagraphStore>().ReadAsync(id, index, CancellationToken.None);
            Assert.False(string.IsNullOrWhiteSpace(paragraph?.Text));
        }
    }

    [Fact]
    public async Task ReadChoice_function_finds_the_recorded_choice_and_moves_the_story_to_writing()
    {
        await using ServiceProvider services = await ComposeAsync();
        string id = await OpenStoryAsync(services, TimeoutPolicy.KeepWaiting);
        var function = ActivatorUtilities.CreateInstance<ReadChoiceFunction>(services);
        var step = new StepRef(id, 1);

        ChoiceOutcome before = await function.RunAsync(step, id);
        StoryState waiting = await StateAsync(services, id);
        await services.GetRequiredService<StoryStateStore>().TryRecordChoiceAsync(
            id, new PlanChoice(1, waiting.Plans[1], PlanChoiceSource.Picked, 2, DateTimeOffset.UtcNow), CancellationToken.None);
        ChoiceOutcome after = await function.RunAsync(step, id);

        Assert.False(before.Chosen);
        Assert.Equal(StoryStatus.AwaitingChoice, waiting.Status);
        Assert.True(after.Chosen);
        Assert.Equal(StoryStatus.Writing, (await StateAsync(services, id)).Status);
    }

    [Fact]
    public async Task ApplyChoiceTimeout_function_pauses_a_story_whose_policy_is_to_pause()
    {
        await using ServiceProvider services = await ComposeAsync();
        string id = await OpenStoryAsync(services, TimeoutPolicy.Pause);

        TimeoutPolicy policy = await ActivatorUtilities.CreateInstance<ApplyChoiceTimeoutFunction>(services).RunAsync(new StepRef(id, 1), id);

        Assert.Equal(TimeoutPolicy.Pause, policy);
        Assert.Equal(StoryStatus.Paused, (await StateAsync(services, id)).Status);
    }

    [Fact]
    public async Task MarkNeedsAttention_function_shows_the_reason_on_the_story_and_in_the_catalogue()
    {
        await using ServiceProvider services = await ComposeAsync();
        string id = await OpenStoryAsync(services, TimeoutPolicy.KeepWaiting);
        const string reason = "the model answered 429 Too Many Requests three times";

        StoryProgress progress = await ActivatorUtilities.CreateInstance<MarkNeedsAttentionFunction>(services).RunAsync(new AttentionNote(id, 1, reason), id);

        Assert.Equal(StoryStatus.NeedsAttention, progress.Status);
        Assert.Equal(reason, (await StateAsync(services, id)).AttentionReason);
        Assert.Equal(StoryStatus.NeedsAttention, (await services.GetRequiredService<StoryCatalogue>().GetAsync(id, CancellationToken.None))?.Status);
    }

    private async Task<ServiceProvider> ComposeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddStoryApp(AppFiles.Configuration(await azurite.ConnectionStringAsync()));
        ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await provider.GetRequiredService<StorageClients>().EnsureCreatedAsync(CancellationToken.None);
        return provider;
    }

    private static async Task<string> CreateStoryAsync(IServiceProvider services, TimeoutPolicy policy)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        var state = new StoryState
        {
            StoryId = StoryId.New(),
            Premise = Lighthouse,
            Mode = StoryMode.Interactive,
            TimeoutPolicy = policy,
            TargetParagraphs = 5,
            Settings = WriterSettings.Default,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await services.GetRequiredService<StoryStateStore>().CreateAsync(state, CancellationToken.None);
        return state.StoryId;
    }

    private static async Task<string> OpenStoryAsync(IServiceProvider services, TimeoutPolicy policy)
    {
        string id = await CreateStoryAsync(services, policy);
        await ActivatorUtilities.CreateInstance<InitializeStoryFunction>(services).RunAsync(id, id);
        return id;
    }

    private static async Task<StoryState> StateAsync(IServiceProvider services, string id) =>
        (await services.GetRequiredService<StoryStateStore>().GetAsync(id, CancellationToken.None))?.State
        ?? throw new InvalidOperationException($"story {id} has no state");
}
