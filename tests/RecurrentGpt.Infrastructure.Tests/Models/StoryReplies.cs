using System.Text.Json.Nodes;

namespace RecurrentGpt.Infrastructure.Tests.Models;

/// <summary>Model replies written by hand in the published output schemas, as a well-behaved model would send them.</summary>
internal static class StoryReplies
{
    public const string Prose = "The lighthouse keeper looked out at the storm and thought about the ships. Nothing else happened tonight.";

    public static readonly string[] Plans =
    [
        "Ada follows the lantern light down to the flooded cellar.",
        "Ada confronts the harbour master about the missing logbook.",
        "Ada waits for the tide to turn and rows out to the wreck.",
    ];

    public static string Opening() => new JsonObject
    {
        ["title"] = "The Keeper of Gull Rock",
        ["outline"] = "Ada inherits a lighthouse and learns why every keeper before her left in a hurry.",
        ["paragraphs"] = new JsonArray(
            "Ada arrived at Gull Rock with one suitcase and her uncle's key.",
            "The lamp room smelled of oil and salt, and the logbook was missing."),
        ["memory"] = "Ada has inherited the lighthouse on Gull Rock. The keeper's logbook is missing.",
        ["plans"] = PlanArray(),
    }.ToJsonString();

    /// <summary>A step in edit memory mode that keeps every sentence and appends <paramref name="memoryAdditions"/>.</summary>
    public static string Step(params string[] memoryAdditions) => new JsonObject
    {
        ["paragraph"] = "Ada climbed the spiral stairs at midnight. Below, something knocked three times against the cellar door, slow and patient.",
        ["summary"] = "Ada hears knocking from the cellar at midnight.",
        ["memory_drop"] = new JsonArray(),
        ["memory_add"] = new JsonArray(memoryAdditions
            .Select(text => (JsonNode)new JsonObject { ["text"] = text, ["reason"] = "new in this paragraph" })
            .ToArray()),
        ["plans"] = PlanArray(),
        ["recommended_plan"] = 2,
    }.ToJsonString();

    public static string Compression(string memory) => new JsonObject { ["memory"] = memory }.ToJsonString();

    /// <summary>Text of exactly <paramref name="words"/> words, as sentences of ten words.</summary>
    public static string Words(int words, string theme)
    {
        var sentences = new List<string>();
        for (int start = 0; start < words; start += 10)
        {
            int count = Math.Min(10, words - start);
            sentences.Add(string.Join(' ', Enumerable.Range(start, count).Select(i => $"{theme}{ToLetters(i)}")) + ".");
        }

        return string.Join(' ', sentences);
    }

    private static JsonArray PlanArray() => new(Plans.Select(p => (JsonNode)JsonValue.Create(p)!).ToArray());

    // Letters rather than digits, so each word stays one unit of the memory's measure.
    private static string ToLetters(int number)
    {
        string letters = string.Empty;
        do
        {
            letters = (char)('a' + (number % 26)) + letters;
            number /= 26;
        }
        while (number > 0);
        return letters;
    }
}
