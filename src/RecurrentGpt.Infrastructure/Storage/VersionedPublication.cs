using RecurrentGpt.Core.Readers;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>A publication as read, with the story state it froze and the ETag a change must match.</summary>
public sealed record VersionedPublication(Publication Publication, StoryState Frozen, string ETag);
