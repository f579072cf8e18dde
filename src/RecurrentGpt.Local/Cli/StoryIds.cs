using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Local.Cli;

/// <summary>Story ids typed on the command line, checked by the shared rule.</summary>
internal static class StoryIds
{
    public static string Check(string id) =>
        StoryId.IsValid(id) ? id : throw new UsageException($"story id \"{id}\" is not valid: {StoryId.Rule}");
}
