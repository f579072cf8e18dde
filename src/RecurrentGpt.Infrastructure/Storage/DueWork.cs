namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>An entry of the due-work index (table DueWork), keyed by due time so the sweep reads only what is due.</summary>
public sealed record DueWork(DateTimeOffset DueAt, string StoryId, DueWorkKind Kind, int Step);
