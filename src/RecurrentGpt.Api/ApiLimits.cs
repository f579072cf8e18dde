namespace RecurrentGpt.Api;

/// <summary>
/// Limits of the HTTP contract itself, checked before anything is written (documented in docs/API.md and openapi.json).
/// How long a story's own texts may be is <see cref="Core.Story.StoryLimits"/>, the same for every way in.
/// </summary>
public static class ApiLimits
{
    public const int MaxBodyBytes = 64 * 1024;
    public const int MaxCallbackUrlChars = 2_048;
    public const int MaxPageSize = 200;
    public const int MaxListSize = 1_000;
    public const int MaxChoiceTimeoutMinutes = 60 * 24 * 30;
}
