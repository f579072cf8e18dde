using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Contracts;
using RecurrentGpt.Workflow.Engine;
using RecurrentGpt.Workflow.Notifications;
using RecurrentGpt.Workflow.Refusals;
using RecurrentGpt.Workflow.Scheduling;

namespace RecurrentGpt.Workflow.Stories;

/// <summary>Creates a story's state row and catalogue entry, then starts its orchestration (instance id = story id).</summary>
public sealed class StoryStarter(
    StoryStateStore states,
    StoryCatalogue catalogue,
    IDurableClientSource engine,
    CallbackUrlPolicy callbacks,
    IOptions<WorkflowOptions> options,
    TimeProvider time)
{
    public async Task<string> StartAsync(NewStory story, CancellationToken cancellationToken)
    {
        string id = StoryId.Require(story.StoryId ?? StoryId.New());
        WriterSettings settings = story.Settings ?? (story.Mode == StoryMode.Auto ? WriterSettings.AutoDefault : WriterSettings.Default);
        settings = settings with { OpeningParagraphs = Math.Min(settings.OpeningParagraphs, Math.Max(1, story.TargetParagraphs)) };
        if (story.TargetParagraphs is < 1 or > StoryLimits.MaxTargetParagraphs)
        {
            throw new ArgumentException($"target length must be from 1 to {StoryLimits.MaxTargetParagraphs} paragraphs");
        }

        if (story.CallbackUrl is not null)
        {
            // Throws CallbackUrlRejectedException (an ArgumentException: 400) before anything is written.
            await callbacks.ValidateAsync(story.CallbackUrl, cancellationToken);
        }

        DateTimeOffset now = time.GetUtcNow();
        if (story.Serial is not null)
        {
            SerialCalendar.Validate(story.Serial, story.Mode, now);
        }

        var state = new StoryState
        {
            StoryId = id,
            Premise = story.Premise,
            Mode = story.Mode,
            TimeoutPolicy = story.TimeoutPolicy,
            ChoiceTimeout = story.ChoiceTimeout,
            TargetParagraphs = story.TargetParagraphs,
            Serial = story.Serial is null ? null : story.Serial with { Cron = story.Serial.Cron.Trim() },
            CallbackUrl = story.CallbackUrl,
            Settings = settings,
            CreatedAt = now,
            UpdatedAt = now,
        };
        try
        {
            await states.CreateAsync(state, cancellationToken);
        }
        catch (StoryAlreadyExistsException)
        {
            throw new StoryRefusedException(StoryRefusal.StoryExists, $"a story with id \"{id}\" exists already");
        }

        await catalogue.UpsertAsync(StorySummaries.Of(state), cancellationToken);
        await ScheduleAsync(id, cancellationToken);
        return id;
    }

    /// <summary>Starts the orchestration of an existing story; the state row tells it where to pick up.</summary>
    public async Task ScheduleAsync(string storyId, CancellationToken cancellationToken)
    {
        WorkflowOptions workflow = options.Value;
        var cursor = new StoryCursor(storyId, 1, new ModelRetry(workflow.ModelAttempts, workflow.ModelRetryDelay));
        await engine.Client.ScheduleNewOrchestrationInstanceAsync(WorkflowNames.StoryOrchestration, cursor, new StartOrchestrationOptions(storyId), cancellationToken);
    }
}
