using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>A story's state as read, with the ETag a replace must present.</summary>
public sealed record VersionedState(StoryState State, string ETag);
