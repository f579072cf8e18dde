namespace RecurrentGpt.Core.Story;

public static class StoryLanguages
{
    public static string Code(this StoryLanguage language) => language switch
    {
        StoryLanguage.Chinese => "zh",
        _ => "en",
    };

    /// <summary>Accepts the codes users type ("en", "zh", "zh-CN", "chinese"); null when unknown.</summary>
    public static StoryLanguage? TryParse(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "en" or "en-us" or "en-gb" or "english" => StoryLanguage.English,
        "zh" or "zh-cn" or "zh-hans" or "chinese" or "中文" => StoryLanguage.Chinese,
        _ => null,
    };
}
