namespace RecurrentGpt.Api.Views;

/// <summary>A branch the story left: it goes its own way after step <c>FromStep</c> and reached <c>Step</c>.</summary>
public sealed record BranchView(int Branch, int FromStep, int FirstParagraph, int Step, int ParagraphCount, int OwnParagraphs, string Status, DateTimeOffset LeftAt);
