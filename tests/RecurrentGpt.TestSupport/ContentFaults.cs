using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using RecurrentGpt.Core.Memory;

namespace RecurrentGpt.TestSupport;

/// <summary>
/// Spoils a well-formed answer's content in one of the <see cref="FaultKinds.Content"/> ways, and says which of them
/// its shape allows: plan faults need <c>plans</c>, drop faults <c>memory_drop</c>, and so on.
/// </summary>
internal static class ContentFaults
{
    public const int OutOfRangeSentence = 999;

    private const string FillerSentence = "The keeper wrote the same line in the logbook again.";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The content kinds that fit <paramref name="reply"/>; none unless it is a completion.</summary>
    public static IEnumerable<FaultKind> ApplicableTo(ScriptedReply reply)
    {
        if (!reply.IsCompletion || reply.Content is null)
        {
            yield break;
        }

        yield return FaultKind.EmptyContent;
        if (ParseObject(reply.Content) is not JsonObject answer)
        {
            yield break;
        }

        yield return FaultKind.TruncatedJson;
        yield return FaultKind.FencedJson;
        yield return FaultKind.ProseAroundJson;
        if (answer.Count > 0)
        {
            yield return FaultKind.MissingRequiredField;
        }

        if (answer["plans"] is JsonArray)
        {
            yield return FaultKind.FourPlans;
        }

        if ((answer["memory"] is JsonValue memory && memory.GetValueKind() == JsonValueKind.String) || answer["memory_add"] is JsonArray)
        {
            yield return FaultKind.OversizedMemory;
        }

        if (answer["memory_drop"] is JsonArray)
        {
            yield return FaultKind.DuplicateDrops;
            yield return FaultKind.OutOfRangeDrop;
        }
    }

    /// <summary>The spoiled content; <paramref name="detail"/>, in [0, 1), picks among choices such as which field goes missing.</summary>
    public static string Apply(FaultKind kind, string content, FaultPlan plan, double detail) => kind switch
    {
        FaultKind.EmptyContent => string.Empty,
        FaultKind.TruncatedJson => FirstHalf(content.Trim()),
        FaultKind.FencedJson => "```json\n" + content + "\n```",
        FaultKind.ProseAroundJson => "Here is the next part: " + content + " Hope this helps!",
        FaultKind.MissingRequiredField => Edit(content, answer => answer.Remove(answer.ElementAt((int)(detail * answer.Count)).Key)),
        FaultKind.FourPlans => Edit(content, answer => answer["plans"] = FourPlans((JsonArray)answer["plans"]!)),
        FaultKind.OversizedMemory => Edit(content, answer => Oversize(answer, plan.OversizedMemoryUnits)),
        FaultKind.DuplicateDrops => Edit(content, answer => DuplicateDrop((JsonArray)answer["memory_drop"]!)),
        FaultKind.OutOfRangeDrop => Edit(content, answer => ((JsonArray)answer["memory_drop"]!).Add(Drop(OutOfRangeSentence))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a content fault."),
    };

    // No strict prefix of a JSON object parses: its closing brace is gone.
    private static string FirstHalf(string json) => json[..(json.Length / 2)];

    private static JsonObject? ParseObject(string content)
    {
        try
        {
            return JsonNode.Parse(content) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Edit(string content, Action<JsonObject> edit)
    {
        JsonObject answer = ParseObject(content)!;
        edit(answer);
        return answer.ToJsonString(Json);
    }

    private static JsonArray FourPlans(JsonArray plans)
    {
        var texts = plans.Select(plan => plan?.ToString() ?? string.Empty).Take(4).ToList();
        while (texts.Count < 4)
        {
            texts.Add("And a fourth way on: " + (texts.LastOrDefault() ?? FillerSentence));
        }

        return new JsonArray(texts.Select(text => (JsonNode)JsonValue.Create(text)).ToArray());
    }

    private static void Oversize(JsonObject answer, int units)
    {
        if (answer["memory_add"] is JsonArray additions)
        {
            if (additions.FirstOrDefault() is JsonObject first)
            {
                first["text"] = Repeat(first["text"]?.ToString(), units);
            }
            else
            {
                additions.Add(new JsonObject { ["text"] = Repeat(null, units), ["reason"] = "it all matters" });
            }
        }
        else
        {
            answer["memory"] = Repeat(answer["memory"]?.ToString(), units);
        }
    }

    /// <summary>The text said over and over until it is longer than <paramref name="units"/>.</summary>
    private static string Repeat(string? text, int units)
    {
        string sentence = TextMeasure.CountUnits(text) > 0 ? text!.Trim() : FillerSentence;
        int times = (units / TextMeasure.CountUnits(sentence)) + 1;
        return new StringBuilder().AppendJoin(' ', Enumerable.Repeat(sentence, times)).ToString();
    }

    private static void DuplicateDrop(JsonArray drops)
    {
        if (drops.FirstOrDefault() is JsonObject first)
        {
            drops.Add(first.DeepClone());
            return;
        }

        drops.Add(Drop(1));
        drops.Add(Drop(1));
    }

    private static JsonObject Drop(int sentence) => new() { ["sentence"] = sentence, ["reason"] = "no longer needed" };
}
