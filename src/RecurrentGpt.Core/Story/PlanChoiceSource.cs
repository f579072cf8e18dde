namespace RecurrentGpt.Core.Story;

/// <summary>How a plan was chosen.</summary>
public enum PlanChoiceSource
{
    /// <summary>The writer picked one of the three plans unchanged.</summary>
    Picked,

    /// <summary>The writer edited one of the plans.</summary>
    Edited,

    /// <summary>The writer wrote a plan of their own.</summary>
    Own,

    /// <summary>Auto mode: the plan the step call recommended.</summary>
    Recommended,

    /// <summary>The human simulator picked and refined a plan.</summary>
    Simulator,
}
