namespace RecurrentGpt.Workflow.Contracts;

/// <summary>
/// WriteParagraph's result: the step has its record. <paramref name="ModelCalls"/> is what this run of the activity
/// asked of the model: 0 when the record was there already (a re-run after a crash makes no second call).
/// </summary>
public sealed record StepWritten(int Step, int ModelCalls);
