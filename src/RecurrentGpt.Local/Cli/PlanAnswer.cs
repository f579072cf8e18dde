using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Local.Cli;

/// <summary>A writer's answer to the plan question.</summary>
internal sealed record PlanAnswer(string Plan, PlanChoiceSource Source, int? PlanIndex);
