namespace RecurrentGpt.Workflow.Api;

/// <summary>Size limits of the HTTP contract, checked before anything is written (documented in docs/API.md and openapi.json).</summary>
public static class ApiLimits
{
    public const int MaxBodyBytes = 64 * 1024;
    public const int MaxTopicChars = 500;
    public const int MaxGenreChars = 100;
    public const int MaxDescriptionChars = 4_000;
    public const int MaxPlanChars = 4_000;
    public const int MaxMemoryChars = 16_000;
    public const int MaxParagraphChars = 20_000;
    public const int MaxCallbackUrlChars = 2_048;
    public const int MaxPageSize = 200;
    public const int MaxListSize = 1_000;
    public const int MaxChoiceTimeoutMinutes = 60 * 24 * 30;
}
