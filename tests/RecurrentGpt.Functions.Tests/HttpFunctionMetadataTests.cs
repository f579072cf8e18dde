using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using RecurrentGpt.Api.Routes;
using static RecurrentGpt.Functions.Tests.FunctionCatalog;

namespace RecurrentGpt.Functions.Tests;

public class HttpFunctionMetadataTests
{
    private static IReadOnlyList<(DeclaredFunction Function, HttpTriggerAttribute Trigger)> HttpFunctions() =>
        [.. DeclaredFunctions()
            .Select(f => (Function: f, Trigger: f.ParameterWith<HttpTriggerAttribute>()?.GetCustomAttribute<HttpTriggerAttribute>()))
            .Where(f => f.Trigger is not null)
            .Select(f => (f.Function, f.Trigger!))];

    [Fact]
    public void Every_route_of_the_table_has_exactly_one_http_function_of_its_name_method_and_route_and_none_is_outside_it()
    {
        var declared = HttpFunctions().Select(f => $"{f.Function.Name} {f.Trigger.Methods!.Single().ToUpperInvariant()} {f.Trigger.Route}").Order().ToList();

        Assert.Equal(ApiRouteTable.All.Select(route => $"{route.Name} {route.Method} {route.Template}").Order(), declared);
    }

    [Fact]
    public void Each_http_function_is_a_method_named_after_its_function_so_it_runs_the_route_of_that_name()
    {
        // FunctionsHttp finds the route by the calling method's name: the [Function] name and the method's must agree.
        Assert.All(HttpFunctions(), f => Assert.Equal(f.Function.Name, f.Function.Method.Name));
    }

    [Fact]
    public void Routes_that_read_or_change_a_story_need_the_function_key_and_only_the_webhook_and_the_document_are_anonymous()
    {
        Dictionary<string, ApiRoute> routes = ApiRouteTable.All.ToDictionary(route => route.Name);
        foreach ((DeclaredFunction function, HttpTriggerAttribute trigger) in HttpFunctions())
        {
            AuthorizationLevel expected = routes[function.Name].Access is ApiAccess.Signed or ApiAccess.Public ? AuthorizationLevel.Anonymous : AuthorizationLevel.Function;
            Assert.True(expected == trigger.AuthLevel, $"{function.Name} ({trigger.Methods!.Single()} {trigger.Route}) is {trigger.AuthLevel}, expected {expected}");
        }

        Assert.Equal(
            new[] { ApiRoutes.OpenApi, ApiRoutes.PlanChoiceHook }.Order(),
            ApiRouteTable.All.Where(route => route.Access is ApiAccess.Signed or ApiAccess.Public).Select(route => route.Template).Order());
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
