namespace RecurrentGpt.Core.Story;

public enum StoryMode
{
    Interactive,
    Auto,
}
