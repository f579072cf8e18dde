namespace RecurrentGpt.Local.Studio;

/// <summary>One file of the writer's studio, read once from the rgpt assembly.</summary>
internal sealed record StudioAsset(string Name, byte[] Content, string ContentType, string ETag);
