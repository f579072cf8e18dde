using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Workflow.Steering;

/// <summary>Auto mode's cheapest choice: the plan the last step call recommended, when it named one that exists.</summary>
internal static class RecommendedChoice
{
    public static PlanChoice? For(StoryState state, int step, DateTimeOffset now) =>
        state.Settings.RecommendPlanInStep && state.RecommendedPlan is int recommended && recommended >= 1 && recommended <= state.Plans.Count
            ? new PlanChoice(step, state.Plans[recommended - 1], PlanChoiceSource.Recommended, recommended, now)
            : null;
}
