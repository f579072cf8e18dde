using RecurrentGpt.Core.Readers;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Workflow.Readers;

/// <summary>A reader's place in a publication: the publication, the reader, and their own story as it stands.</summary>
public sealed record ReaderSession(Publication Publication, Reader Reader, StoryState Story);
