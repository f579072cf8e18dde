namespace RecurrentGpt.Core.Readers;

/// <summary>One reader of a publication: their token's hash, their own story (a fork at the published step), their note, and what they have spent.</summary>
public sealed record Reader(string PublicationId, string TokenHash, string StoryId, string? Note, int Steps, long Tokens, DateTimeOffset CreatedAt);
