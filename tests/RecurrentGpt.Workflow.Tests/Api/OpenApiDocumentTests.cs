using System.Text.Json;
using RecurrentGpt.Workflow.Api;

namespace RecurrentGpt.Workflow.Tests.Api;

public class OpenApiDocumentTests
{
    public static TheoryData<string, string> Routes => new()
    {
        { "post", ApiRoutes.Stories }, { "get", ApiRoutes.Stories }, { "get", ApiRoutes.Story }, { "get", ApiRoutes.Paragraphs },
        { "put", ApiRoutes.Paragraph }, { "get", ApiRoutes.Export }, { "post", ApiRoutes.Choice }, { "put", ApiRoutes.Memory },
        { "post", ApiRoutes.Pause }, { "post", ApiRoutes.Resume }, { "post", ApiRoutes.Cancel }, { "post", ApiRoutes.Retry },
        { "post", ApiRoutes.PlanChoiceHook }, { "get", ApiRoutes.OpenApi }, { "get", ApiRoutes.Step }, { "get", ApiRoutes.Recall },
        { "put", ApiRoutes.Mode },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void Document_describes_the_route_with_its_responses(string method, string route)
    {
        JsonElement paths = JsonDocument.Parse(OpenApiDocument.Json).RootElement.GetProperty("paths");
        string path = "/" + route;

        Assert.True(paths.TryGetProperty(path, out JsonElement item), $"{path} is missing from openapi.json");
        Assert.True(item.TryGetProperty(method, out JsonElement operation), $"{method.ToUpperInvariant()} {path} is missing");
        Assert.True(operation.GetProperty("responses").EnumerateObject().Any());
    }

    [Fact]
    public void Every_schema_reference_resolves_and_every_path_is_a_known_route()
    {
        JsonElement root = JsonDocument.Parse(OpenApiDocument.Json).RootElement;
        JsonElement schemas = root.GetProperty("components").GetProperty("schemas");
        var references = new List<string>();
        Collect(root, references);
        var known = Routes.Select(row => "/" + (string)row[1]).ToHashSet();

        Assert.All(references, reference => Assert.True(schemas.TryGetProperty(reference["#/components/schemas/".Length..], out _), reference));
        Assert.All(root.GetProperty("paths").EnumerateObject(), path => Assert.Contains(path.Name, known));
    }

    private static void Collect(JsonElement element, List<string> references)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in element.EnumerateObject())
            {
                if (property.Name == "$ref")
                {
                    references.Add(property.Value.GetString()!);
                }
                else
                {
                    Collect(property.Value, references);
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in element.EnumerateArray())
            {
                Collect(item, references);
            }
        }
    }
}
