using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecurrentGpt.Workflow.Contracts;

/// <summary>
/// The JSON of everything the workflow tells the outside (API answers, notifications, custom status): camelCase names,
/// kebab-case enum values, no nulls written, unknown fields refused when read.
/// </summary>
public static class ContractJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        MaxDepth = 16,

        // Answers are application/json, never inlined into HTML, so story text keeps its quotes and its Chinese as is.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>An enum value as the contract spells it: <c>AwaitingChoice</c> is "awaiting-choice".</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
