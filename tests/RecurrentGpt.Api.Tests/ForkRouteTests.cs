using System.Text.Json;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Api.Tests;

/// <summary>POST fork through the route table: the new story's 202 and status URL, its forkedFrom, its export, and every refusal.</summary>
public class ForkRouteTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Port = 29176;

    private static readonly object Lighthouse = new { topic = "a lighthouse keeper named Elias Grey vanishes", genre = "mystery", mode = "interactive", targetParagraphs = 12 };

    [Fact]
    public async Task A_fork_is_a_new_story_that_stands_at_the_fork_step_and_goes_on_by_itself()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var api = new ApiDriver(harness);
        string id = await api.CreateAsync(Lighthouse);
        for (int step = 1; step <= 2; step++)
        {
            await api.WaitForAsync(id, s => ApiDriver.Is(s, "awaiting-choice", step - 1));
            Assert.Equal(202, (await api.ChooseAsync(id, new { step, text = $"Elias searches the harbour, part {step}." })).Status);
        }

        HttpAnswer parentAtTwo = await api.WaitForAsync(id, s => ApiDriver.Is(s, "awaiting-choice", 2));

        HttpAnswer forked = await api.SendAsync(HttpCall.To("POST", $"/api/stories/{id}/fork").WithJson(new { fromStep = 1, id = "harbour-fork" }), "ForkStory", id);

        Assert.Equal(202, forked.Status);
        Assert.Equal(("harbour-fork", id, 1, 1, "interactive"), (forked.Text("id"), forked.Text("parentId"), forked.Number("fromStep"), forked.Number("step"), forked.Text("mode")));
        Assert.EndsWith("/api/stories/harbour-fork", forked.Text("statusUrl"), StringComparison.Ordinal);
        HttpAnswer fork = await api.WaitForAsync("harbour-fork", s => ApiDriver.Is(s, "awaiting-choice", 1));
        JsonElement from = fork.Json.GetProperty("forkedFrom");
        Assert.Equal((id, 1), (from.GetProperty("storyId").GetString(), from.GetProperty("step").GetInt32()));
        Assert.Equal(parentAtTwo.Number("paragraphCount") - 1, fork.Number("paragraphCount"));

        Assert.Equal(202, (await api.ChooseAsync("harbour-fork", new { step = 2, text = "Mara rows out to the reef instead." })).Status);
        HttpAnswer forkAtTwo = await api.WaitForAsync("harbour-fork", s => ApiDriver.Is(s, "awaiting-choice", 2));
        Assert.Equal(parentAtTwo.Number("paragraphCount"), forkAtTwo.Number("paragraphCount"));

        HttpAnswer export = await api.SendAsync(HttpCall.To("GET", "/api/stories/harbour-fork/export", "format=md"), "ExportStory", "harbour-fork");
        Assert.Equal(200, export.Status);
        Assert.StartsWith($"---\nforked_from: {id}\nforked_at_step: 1\n---\n", export.Body, StringComparison.Ordinal);

        HttpAnswer timeline = await api.SendAsync(HttpCall.To("GET", "/api/stories/harbour-fork/timeline"), "GetTimeline", "harbour-fork");
        Assert.Equal(200, timeline.Status);
        Assert.Equal(id, timeline.Json.GetProperty("forkedFrom").GetProperty("storyId").GetString());
        JsonElement[] steps = [.. timeline.Json.GetProperty("steps").EnumerateArray()];
        Assert.Equal([true, false], steps.Select(step => step.GetProperty("inherited").GetBoolean()));
        Assert.Equal(["own", "own"], steps.Select(step => step.GetProperty("planSource").GetString()));
        Assert.Equal("Mara rows out to the reef instead.", steps[1].GetProperty("plan").GetString());

        // The parent did not move.
        HttpAnswer parent = await api.SendAsync(HttpCall.To("GET", $"/api/stories/{id}"), "GetStory", id);
        Assert.Equal((2, parentAtTwo.Number("paragraphCount"), parentAtTwo.ETag), (parent.Number("step"), parent.Number("paragraphCount"), parent.ETag));
        Assert.False(parent.Json.TryGetProperty("forkedFrom", out JsonElement none) && none.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task Bad_forks_are_refused_with_problem_json_and_make_no_story()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var api = new ApiDriver(harness);
        string id = await api.CreateAsync(Lighthouse);
        string other = await api.CreateAsync(Lighthouse);
        await api.WaitForAsync(id, s => ApiDriver.Is(s, "awaiting-choice", 0));

        (object Body, int Status, string Type)[] cases =
        [
            (new { }, 400, "invalid-request"),
            (new { fromStep = -1 }, 400, "invalid-request"),
            (new { fromStep = 0, id = "Not An Id" }, 400, "invalid-request"),
            (new { fromStep = 0, mode = "sideways" }, 400, "invalid-request"),
            (new { fromStep = 3, id = "too-far-fork" }, 404, "step-not-found"),
            (new { fromStep = 0, id = other }, 409, "story-exists"),
        ];
        foreach ((object body, int status, string type) in cases)
        {
            HttpAnswer refused = await api.SendAsync(HttpCall.To("POST", $"/api/stories/{id}/fork").WithJson(body), "ForkStory", id);
            Assert.Equal((status, type), (refused.Status, refused.ProblemType));
        }

        HttpAnswer unknown = await api.SendAsync(HttpCall.To("POST", "/api/stories/no-such-story/fork").WithJson(new { fromStep = 0 }), "ForkStory", "no-such-story");
        Assert.Equal(404, unknown.Status);
        Assert.Equal(404, (await api.SendAsync(HttpCall.To("GET", "/api/stories/too-far-fork"), "GetStory", "too-far-fork")).Status);
    }
}
