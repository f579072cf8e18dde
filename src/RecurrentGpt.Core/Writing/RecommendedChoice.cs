using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Core.Writing;

/// <summary>Auto mode's cheapest choice: the plan the last step call recommended, when it named one that exists.</summary>
public static class RecommendedChoice
{
    /// <summary>Whether a step of this story asks its call to name the best of its plans (auto mode only).</summary>
    public static bool IsAskedFor(StoryState state) => state.Mode == StoryMode.Auto && state.Settings.RecommendPlanInStep;

    public static PlanChoice? For(StoryState state, int step, DateTimeOffset now) =>
        state.Settings.RecommendPlanInStep && state.RecommendedPlan is int recommended && recommended >= 1 && recommended <= state.Plans.Count
            ? new PlanChoice(step, state.Plans[recommended - 1], PlanChoiceSource.Recommended, recommended, now)
            : null;
}
