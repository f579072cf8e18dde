using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RecurrentGpt.Api.Routes;
using RecurrentGpt.Local.Serve;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Local.Tests.Serve;

/// <summary>rgpt serve maps the route table and nothing else under /api, and asks for its key exactly where the table says.</summary>
public class LocalRouteTableTests
{
    private const string Key = "route-table-test-key-0123";

    [Fact]
    public async Task Api_endpoints_of_rgpt_serve_are_exactly_the_route_table()
    {
        await using LocalApiServer server = await StartAsync();

        var api = server.Endpoints.Where(e => e.Pattern.StartsWith("/api/", StringComparison.Ordinal)).Select(e => $"{e.Method} {e.Pattern}").Order().ToList();

        Assert.Equal(ApiRouteTable.All.Select(route => $"{route.Method} {route.Path}").Order(), api);
    }

    [Fact]
    public async Task Without_the_key_exactly_the_routes_that_change_a_story_answer_401_key_required()
    {
        await using LocalApiServer server = await StartAsync();
        using var http = new HttpClient { BaseAddress = server.Address };

        foreach (ApiRoute route in ApiRouteTable.All)
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path.Replace("{id}", "some-story", StringComparison.Ordinal).Replace("{n}", "1", StringComparison.Ordinal));
            using HttpResponseMessage response = await http.SendAsync(request);
            string type = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString()!
                : string.Empty;

            bool keyRequired = response.StatusCode == HttpStatusCode.Unauthorized && type.EndsWith(":key-required", StringComparison.Ordinal);
            Assert.True(keyRequired == (route.Access == ApiAccess.Change), $"{route.Name}: {(int)response.StatusCode} {type}");
        }
    }

    /// <summary>The server alone, over a container holding only the endpoint runner: a handler it reaches fails, which is enough here.</summary>
    private static Task<LocalApiServer> StartAsync()
    {
        ServiceProvider services = new ServiceCollection().AddLogging(logging => logging.ClearProviders()).AddSingleton<ApiEndpoint>().BuildServiceProvider();
        return LocalApiServer.StartAsync(IPAddress.Loopback, FreePorts.Next(), new LocalApiKey(Key), new ServeOptions(), services, NullLoggerProvider.Instance, CancellationToken.None);
    }
}
