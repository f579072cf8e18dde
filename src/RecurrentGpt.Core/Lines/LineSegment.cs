namespace RecurrentGpt.Core.Lines;

/// <summary>
/// Where one line begins in a story's lineage: from paragraph <paramref name="FirstParagraph"/> and step
/// <paramref name="FirstStep"/> on, the story's text is this line's (until the next segment begins). Step 0 is the opening.
/// </summary>
public sealed record LineSegment(string StoryId, int Branch, int FirstParagraph, int FirstStep)
{
    public LineRef Line => new(StoryId, Branch);
}
