using Microsoft.AspNetCore.Http;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Steering;

namespace RecurrentGpt.Workflow.Api;

/// <summary>The memory route's checks and answers around <see cref="MemoryEditor"/>.</summary>
internal static class MemoryEdits
{
    private const int MaxPlanChars = 1_000;

    public static async Task<IResult> EditFromRequestAsync(this MemoryEditor editor, StoryStateUpdater updater, string storyId, string etag, MemoryEditRequest body, CancellationToken cancellationToken)
    {
        if (body.ShortTermMemory is null && body.Plans is null)
        {
            throw ApiProblem.Invalid("send shortTermMemory, plans, or both");
        }

        if (body.ShortTermMemory is { Length: > ApiLimits.MaxMemoryChars })
        {
            throw ApiProblem.Invalid($"shortTermMemory has {body.ShortTermMemory.Length} characters; the limit is {ApiLimits.MaxMemoryChars}");
        }

        StoryState state = await updater.GetAsync(storyId, cancellationToken);
        if (state.Status is StoryStatus.Completed or StoryStatus.Cancelled)
        {
            throw StoryApi.Finished(state);
        }

        IReadOnlyList<string>? plans = null;
        if (body.Plans is not null)
        {
            if (body.Plans.Count != state.Plans.Count)
            {
                throw ApiProblem.Invalid($"plans must have {state.Plans.Count} entries, one per plan, in order");
            }

            plans = body.Plans.Select((plan, i) => TextFields.Required(plan, $"plans[{i}]", MaxPlanChars)).ToList();
        }

        (EditResult result, VersionedState? saved) = await editor.EditAsync(storyId, etag, body.ShortTermMemory, plans, state.Settings.MemoryCapUnits, cancellationToken);
        return result switch
        {
            EditResult.Saved => ApiResults.Json(200, new MemoryView(saved!.State.ShortTermMemory, saved.State.Plans, saved.ETag), etag: saved.ETag),
            EditResult.Conflict => throw new ApiProblem(412, "stale-etag", "The story changed since you read it",
                "someone (a step, or another editor) changed the story after the ETag you sent was read; read it again, reapply your edit and save"),
            _ => throw ApiProblem.Conflict("not-awaiting-choice", "The story is not waiting for a choice",
                $"story {storyId} is {ApiJson.Name(state.Status)}; memory and plans can be edited while it waits for a choice"),
        };
    }
}
