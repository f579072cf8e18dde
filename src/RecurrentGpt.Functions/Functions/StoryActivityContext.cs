using Microsoft.DurableTask;

namespace RecurrentGpt.Functions;

/// <summary>
/// What a Workflow activity is told about its invocation. On Functions the extension hands an activity function its
/// input and, through the trigger's binding data (a parameter named <c>instanceId</c>), the orchestration's instance
/// id, but no <see cref="TaskActivityContext"/>: each activity function builds this one.
/// </summary>
public sealed class StoryActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}
