namespace RecurrentGpt.Core.Story;

public enum StoryLanguage
{
    English,
    Chinese,
}
