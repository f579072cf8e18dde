namespace RecurrentGpt.Workflow.Stories;

public enum ExportFormat
{
    Markdown,
    PlainText,
}
