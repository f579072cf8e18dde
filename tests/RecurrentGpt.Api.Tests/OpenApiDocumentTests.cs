using System.Text.Json;
using RecurrentGpt.Api.Handlers;
using RecurrentGpt.Api.Routes;

namespace RecurrentGpt.Api.Tests;

public class OpenApiDocumentTests
{
    public static TheoryData<string, string> Routes()
    {
        var routes = new TheoryData<string, string>();
        foreach (ApiRoute route in ApiRouteTable.All)
        {
            routes.Add(route.Method.ToLowerInvariant(), route.Template);
        }

        return routes;
    }

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
    public void Document_has_exactly_the_operations_of_the_route_table()
    {
        var documented = JsonDocument.Parse(OpenApiDocument.Json).RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .Order().ToList();

        Assert.Equal(ApiRouteTable.All.Select(route => $"{route.Method} /{route.Template}").Order(), documented);
    }

    [Fact]
    public void Every_schema_reference_resolves()
    {
        JsonElement root = JsonDocument.Parse(OpenApiDocument.Json).RootElement;
        JsonElement schemas = root.GetProperty("components").GetProperty("schemas");
        var references = new List<string>();
        Collect(root, references);

        Assert.NotEmpty(references);
        Assert.All(references, reference => Assert.True(schemas.TryGetProperty(reference["#/components/schemas/".Length..], out _), reference));
    }

    [Fact]
    public void Route_names_and_routes_are_unique()
    {
        Assert.Equal(ApiRouteTable.All.Count, ApiRouteTable.All.Select(route => route.Name).Distinct().Count());
        Assert.Equal(ApiRouteTable.All.Count, ApiRouteTable.All.Select(route => (route.Method, route.Template)).Distinct().Count());
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
