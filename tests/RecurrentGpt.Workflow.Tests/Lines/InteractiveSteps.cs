using RecurrentGpt.Core.Story;
using RecurrentGpt.TestSupport;
using RecurrentGpt.TestSupport.Stories;

namespace RecurrentGpt.Workflow.Tests.Lines;

/// <summary>An interactive lighthouse story, and steps given one at a time: how the tree's tests drive a story.</summary>
internal static class InteractiveSteps
{
    public static readonly Premise Lighthouse = StoryDriver.Lighthouse;

    public static Task<string> StartAsync(WorkflowHarness harness, int paragraphs) => new StoryDriver(harness.Services).StartInteractiveAsync(paragraphs);

    /// <summary>Waits for the story to ask for step <paramref name="step"/>'s plan, gives it, and waits for the step to be committed.</summary>
    public static Task ChooseAsync(WorkflowHarness harness, string id, int step, string plan) => new StoryDriver(harness.Services).ChooseAsync(id, step, plan);
}
