using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using RecurrentGpt.Workflow.Api;
using static RecurrentGpt.Functions.Tests.FunctionCatalog;

namespace RecurrentGpt.Functions.Tests;

public class HttpFunctionMetadataTests
{
    /// <summary>Every route of the contract with its method, as the OpenAPI document lists them.</summary>
    private static IEnumerable<(string Method, string Route)> ContractRoutes() =>
        JsonDocument.Parse(OpenApiDocument.Json).RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (operation.Name, path.Name.TrimStart('/'))));

    private static IReadOnlyList<(DeclaredFunction Function, HttpTriggerAttribute Trigger)> HttpFunctions() =>
        [.. DeclaredFunctions()
            .Select(f => (Function: f, Trigger: f.ParameterWith<HttpTriggerAttribute>()?.GetCustomAttribute<HttpTriggerAttribute>()))
            .Where(f => f.Trigger is not null)
            .Select(f => (f.Function, f.Trigger!))];

    [Fact]
    public void Every_route_of_the_contract_has_exactly_one_http_function_and_no_function_is_outside_it()
    {
        var declared = HttpFunctions().Select(f => (Method: f.Trigger.Methods!.Single(), Route: f.Trigger.Route!)).ToList();

        Assert.Equal(ContractRoutes().Order(), declared.Order());
    }

    [Fact]
    public void Routes_that_change_a_story_need_the_function_key_and_only_the_webhook_and_the_document_are_anonymous()
    {
        foreach ((DeclaredFunction function, HttpTriggerAttribute trigger) in HttpFunctions())
        {
            AuthorizationLevel expected = trigger.Route is ApiRoutes.PlanChoiceHook or ApiRoutes.OpenApi ? AuthorizationLevel.Anonymous : AuthorizationLevel.Function;
            Assert.True(expected == trigger.AuthLevel, $"{function.Name} ({trigger.Methods!.Single()} {trigger.Route}) is {trigger.AuthLevel}, expected {expected}");
        }
    }

    [Fact]
    public void Functions_metadata_gives_each_http_function_its_route_methods_and_key_level()
    {
        Dictionary<string, JsonElement> listed = AppFiles.ReadJson(Path.Combine(AppFiles.Output, "functions.metadata"))
            .EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        foreach ((DeclaredFunction function, HttpTriggerAttribute trigger) in HttpFunctions())
        {
            JsonElement binding = listed[function.Name].GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "httpTrigger");
            Assert.Equal(trigger.Route, binding.GetProperty("route").GetString());
            Assert.Equal(trigger.Methods!, binding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!));
            Assert.Equal(trigger.AuthLevel.ToString(), binding.GetProperty("authLevel").GetString());
        }
    }
}
