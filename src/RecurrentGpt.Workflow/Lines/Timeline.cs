using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Workflow.Lines;

/// <summary>A page of a story's timeline: steps <paramref name="From"/> on, and every branch it left; <paramref name="Next"/> is the next page's first step.</summary>
public sealed record Timeline(StoryState Story, IReadOnlyList<TimelineStep> Steps, IReadOnlyList<BranchSummary> Branches, int From, int? Next);
