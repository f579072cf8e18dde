namespace RecurrentGpt.Core.Story;

/// <summary>The human simulator's decision: which plan (1-based) and the outline it refined from it.</summary>
public sealed record PlanPick(int ChosenPlan, string Reason, string RefinedPlan);
