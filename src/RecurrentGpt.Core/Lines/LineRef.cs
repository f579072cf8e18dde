namespace RecurrentGpt.Core.Lines;

/// <summary>
/// One line of a story: a stretch of paragraphs, step records, snapshots and choices kept together and never moved.
/// Branch 0 is the line a story starts with; a rewind, a regeneration or a restore makes the story continue on another
/// branch, and the lines it leaves stay as they are.
/// </summary>
public readonly record struct LineRef(string StoryId, int Branch)
{
    /// <summary>The most branches a story can have: a branch number fits six digits in a key, and the last is reserved.</summary>
    public const int MaxBranch = 999_998;

    /// <summary>
    /// The line that holds a fork's own versions of paragraphs it inherited (see <see cref="ParagraphOverride"/>): never a
    /// line the story is written on, so its paragraphs keep the index they override.
    /// </summary>
    public const int OverrideBranch = 999_999;

    public static LineRef Root(string storyId) => new(storyId, 0);

    public static LineRef Overrides(string storyId) => new(storyId, OverrideBranch);
}
