namespace RecurrentGpt.Workflow.Scheduling;

/// <summary>What one sweep did.</summary>
public sealed record SweepReport(int Due, int DoorbellsRung, int DeadlinesRaised, int EpisodesRaised, int Dropped);
