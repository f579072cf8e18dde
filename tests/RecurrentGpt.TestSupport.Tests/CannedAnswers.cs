using System.Text.Json;
using System.Text.Json.Nodes;

namespace RecurrentGpt.TestSupport.Tests;

/// <summary>Well-formed answers in each published output shape, chosen by the schema name the request asks for.</summary>
internal static class CannedAnswers
{
    public const string Opening = "story_opening";
    public const string Step = "story_step";
    public const string RewriteStep = "story_step_rewrite";
    public const string PlanChoice = "plan_choice";
    public const string Compression = "memory_compression";

    public static ScriptedReply For(RecordedRequest request) => ScriptedReply.Completion(Json(SchemaName(request)));

    public static string Json(string schemaName) => (schemaName switch
    {
        Opening => new JsonObject
        {
            ["title"] = "The Keeper of Gull Rock",
            ["outline"] = "Ada inherits a lighthouse and learns why every keeper before her left in a hurry.",
            ["paragraphs"] = new JsonArray("Ada arrived at Gull Rock with one suitcase and her uncle's key."),
            ["memory"] = "Ada has inherited the lighthouse on Gull Rock. The keeper's logbook is missing.",
            ["plans"] = Plans(),
        },
        Step => new JsonObject
        {
            ["paragraph"] = "Ada climbed the spiral stairs at midnight. Below, something knocked three times against the cellar door.",
            ["summary"] = "Ada hears knocking from the cellar at midnight.",
            ["memory_drop"] = new JsonArray(new JsonObject { ["sentence"] = 2, ["reason"] = "the logbook has been found" }),
            ["memory_add"] = new JsonArray(new JsonObject { ["text"] = "Something knocks in the cellar at night.", ["reason"] = "it just happened" }),
            ["plans"] = Plans(),
            ["recommended_plan"] = 2,
        },
        RewriteStep => new JsonObject
        {
            ["paragraph"] = "Ada climbed the spiral stairs at midnight.",
            ["summary"] = "Ada climbs to the lamp room.",
            ["memory_rationale"] = "Kept the inheritance, added the climb.",
            ["memory"] = "Ada has inherited the lighthouse on Gull Rock. Ada climbed to the lamp room at midnight.",
            ["plans"] = Plans(),
        },
        PlanChoice => new JsonObject { ["chosen_plan"] = 1, ["reason"] = "It moves the mystery on.", ["refined_plan"] = "Ada follows the light." },
        Compression => new JsonObject { ["memory"] = "Ada owns the lighthouse. Something knocks in the cellar." },
        _ => throw new ArgumentOutOfRangeException(nameof(schemaName), schemaName, "No canned answer for this output."),
    }).ToJsonString();

    public static string SchemaName(RecordedRequest request) =>
        request.Json.GetProperty("response_format").GetProperty("json_schema").GetProperty("name").GetString()!;

    /// <summary>A chat-completions request body asking for <paramref name="schemaName"/>, as the real client sends one.</summary>
    public static string RequestBody(string schemaName, bool stream = false) => new JsonObject
    {
        ["model"] = "story-model",
        ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Write the next part." }),
        ["response_format"] = new JsonObject
        {
            ["type"] = "json_schema",
            ["json_schema"] = new JsonObject { ["name"] = schemaName, ["schema"] = new JsonObject(), ["strict"] = true },
        },
        ["stream"] = stream,
    }.ToJsonString();

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    public static bool IsJson(string text)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static JsonArray Plans() => new(
        "Ada follows the lantern light down to the flooded cellar.",
        "Ada confronts the harbour master about the missing logbook.",
        "Ada waits for the tide to turn and rows out to the wreck.");
}
