using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;

namespace RecurrentGpt.Workflow.Choices;

/// <summary>Puts an interactive wait's deadline into the due-work index, where the scheduler sweep will find it.</summary>
public sealed class ChoiceDeadlines(DueWorkIndex due, TimeProvider time)
{
    public async Task ScheduleAsync(StoryState state, CancellationToken cancellationToken)
    {
        if (state.Status == StoryStatus.AwaitingChoice && state.ChoiceTimeout is TimeSpan timeout)
        {
            await due.ScheduleAsync(new DueWork(time.GetUtcNow() + timeout, state.StoryId, DueWorkKind.ChoiceDeadline, state.Step + 1), cancellationToken);
        }
    }
}
