using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Workflow.Choices;

/// <summary>A choice recorded for a step: the plan as it will be written from, and how it was chosen.</summary>
public sealed record MadeChoice(string StoryId, int Step, string Plan, PlanChoiceSource Source);
