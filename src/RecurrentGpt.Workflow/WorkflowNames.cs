namespace RecurrentGpt.Workflow;

/// <summary>Orchestrator, activity and event names shared by both hosts.</summary>
public static class WorkflowNames
{
    public const string StoryOrchestration = "StoryOrchestration";
}
