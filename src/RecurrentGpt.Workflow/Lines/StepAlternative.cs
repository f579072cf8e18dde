using RecurrentGpt.Core.Lines;

namespace RecurrentGpt.Workflow.Lines;

/// <summary>
/// One take of a step: <paramref name="Line"/> holds its record and paragraph. <paramref name="Branch"/> is the branch
/// row that brings it back (null for the take that stands). <paramref name="Index"/> counts from 1, oldest first.
/// </summary>
public sealed record StepAlternative(int Index, LineRef Line, int? Branch, bool Stands);
