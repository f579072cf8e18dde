using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Workflow.Contracts;

/// <summary>
/// WriteParagraph's input: the step and the long-term memories recalled for it (summaries only: small), for the story's
/// generation the orchestration is working in (see <see cref="StepRef"/>).
/// </summary>
public sealed record WriteRequest(string StoryId, int Step, IReadOnlyList<RetrievedMemory> Recalled, int Generation = 0);
