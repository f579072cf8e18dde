using System.Text.Json;

namespace RecurrentGpt.Deploy.Tests;

/// <summary>Finds things in compiled ARM JSON, whichever nested deployment (module) they sit in.</summary>
internal static class ArmTemplate
{
    /// <summary>One app setting of a Function App as the template writes it: a literal or an ARM expression.</summary>
    internal sealed record AppSetting(string Name, string Value, JsonElement Template)
    {
        /// <summary>"[...]" is an ARM expression; "[[...]" is a literal that starts with a bracket.</summary>
        public bool ValueIsExpression => Value.StartsWith('[') && !Value.StartsWith("[[", StringComparison.Ordinal) && Value.EndsWith(']');

        public bool NameIsLiteral => !(Name.StartsWith('[') && !Name.StartsWith("[[", StringComparison.Ordinal));

        /// <summary>Parameters of the enclosing template that the value's expression reads.</summary>
        public IEnumerable<JsonProperty> ParametersRead() =>
            Template.TryGetProperty("parameters", out JsonElement parameters)
                ? parameters.EnumerateObject().Where(p => Value.Contains($"parameters('{p.Name}')", StringComparison.Ordinal))
                : [];
    }

    /// <summary>Every resource of the given type anywhere in the template, with the template (module) that declares it.</summary>
    public static IEnumerable<(JsonElement Resource, JsonElement Template)> Resources(JsonElement template, string type)
    {
        foreach (JsonElement resource in ResourcesOf(template))
        {
            if (resource.TryGetProperty("type", out JsonElement t) && string.Equals(t.GetString(), type, StringComparison.OrdinalIgnoreCase))
            {
                yield return (resource, template);
            }

            if (resource.TryGetProperty("properties", out JsonElement properties) && properties.ValueKind == JsonValueKind.Object
                && properties.TryGetProperty("template", out JsonElement nested))
            {
                foreach ((JsonElement Resource, JsonElement Template) found in Resources(nested, type))
                {
                    yield return found;
                }
            }
        }
    }

    /// <summary>The one Function App's siteConfig.appSettings.</summary>
    public static IReadOnlyList<AppSetting> FunctionAppSettings(JsonElement template)
    {
        var sites = Resources(template, "Microsoft.Web/sites")
            .Where(site => site.Resource.TryGetProperty("kind", out JsonElement kind) && kind.GetString()!.Contains("functionapp", StringComparison.Ordinal))
            .ToList();
        Assert.True(sites.Count == 1, $"expected one Function App in the template, found {sites.Count}");
        (JsonElement app, JsonElement declaring) = sites[0];
        JsonElement settings = app.GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings");
        Assert.True(settings.ValueKind == JsonValueKind.Array, "appSettings must be a literal array, so its names can be checked before deployment");
        return settings.EnumerateArray()
            .Select(setting => new AppSetting(setting.GetProperty("name").GetString()!, setting.GetProperty("value").GetString()!, declaring))
            .ToList();
    }

    /// <summary>The Function App resource itself.</summary>
    public static JsonElement FunctionApp(JsonElement template) =>
        Resources(template, "Microsoft.Web/sites").Single(site => site.Resource.GetProperty("kind").GetString()!.Contains("functionapp", StringComparison.Ordinal)).Resource;

    // languageVersion 2.0 templates (user-defined types) keep resources in an object keyed by symbolic name.
    private static IEnumerable<JsonElement> ResourcesOf(JsonElement template)
    {
        if (!template.TryGetProperty("resources", out JsonElement resources))
        {
            return [];
        }

        return resources.ValueKind switch
        {
            JsonValueKind.Array => resources.EnumerateArray().ToList(),
            JsonValueKind.Object => resources.EnumerateObject().Select(r => r.Value).ToList(),
            _ => [],
        };
    }
}
