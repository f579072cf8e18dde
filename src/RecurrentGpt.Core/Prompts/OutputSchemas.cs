using System.Text.Json;
using System.Text.Json.Nodes;

namespace RecurrentGpt.Core.Prompts;

/// <summary>
/// The published JSON schema of every output, sent as a structured-output response format where the provider
/// supports one. The parser checks the same structure, so a provider that ignores the format is still held to it.
/// </summary>
public static class OutputSchemas
{
    public const string OpeningName = "story_opening";
    public const string StepName = "story_step";
    public const string PlanChoiceName = "plan_choice";
    public const string CompressionName = "memory_compression";

    public static JsonElement Opening { get; } = Build(new()
    {
        ["title"] = Text(),
        ["outline"] = Text(),
        ["paragraphs"] = Array(Text(), minItems: 1, maxItems: 5),
        ["memory"] = Text(),
        ["plans"] = Array(Text(), minItems: 3, maxItems: 3),
    });

    public static JsonElement PlanChoice { get; } = Build(new()
    {
        ["chosen_plan"] = Integer(1, 3),
        ["reason"] = Text(),
        ["refined_plan"] = Text(),
    });

    public static JsonElement Compression { get; } = Build(new() { ["memory"] = Text() });

    private static readonly JsonElement[] StepSchemas =
    [
        StepSchema(rewrite: false, recommend: false),
        StepSchema(rewrite: false, recommend: true),
        StepSchema(rewrite: true, recommend: false),
        StepSchema(rewrite: true, recommend: true),
    ];

    public static JsonElement Step(bool rewriteMemory, bool recommend) => StepSchemas[(rewriteMemory ? 2 : 0) + (recommend ? 1 : 0)];

    private static JsonElement StepSchema(bool rewrite, bool recommend)
    {
        var properties = new Dictionary<string, JsonNode>
        {
            ["paragraph"] = Text(),
            ["summary"] = Text(),
        };
        if (rewrite)
        {
            properties["memory_rationale"] = Text();
            properties["memory"] = Text();
        }
        else
        {
            properties["memory_drop"] = Array(Object(new() { ["sentence"] = Integer(1, null), ["reason"] = Text() }));
            properties["memory_add"] = Array(Object(new() { ["text"] = Text(), ["reason"] = Text() }));
        }

        properties["plans"] = Array(Text(), minItems: 3, maxItems: 3);
        if (recommend)
        {
            properties["recommended_plan"] = Integer(1, 3);
        }

        return Build(properties);
    }

    private static JsonElement Build(Dictionary<string, JsonNode> properties) =>
        JsonSerializer.SerializeToElement(Object(properties));

    private static JsonObject Object(Dictionary<string, JsonNode> properties)
    {
        var props = new JsonObject();
        foreach ((string key, JsonNode value) in properties)
        {
            props[key] = value;
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = props,
            ["required"] = new JsonArray(properties.Keys.Select(k => (JsonNode)JsonValue.Create(k)!).ToArray()),
            ["additionalProperties"] = false,
        };
    }

    private static JsonObject Text() => new() { ["type"] = "string" };

    private static JsonObject Integer(int min, int? max)
    {
        var node = new JsonObject { ["type"] = "integer", ["minimum"] = min };
        if (max is int m)
        {
            node["maximum"] = m;
        }

        return node;
    }

    private static JsonObject Array(JsonNode items, int? minItems = null, int? maxItems = null)
    {
        var node = new JsonObject { ["type"] = "array", ["items"] = items };
        if (minItems is int min)
        {
            node["minItems"] = min;
        }

        if (maxItems is int max)
        {
            node["maxItems"] = max;
        }

        return node;
    }
}
