using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Api.Tests;

/// <summary>The tree's routes through the route table: what a client sends, and every refusal as problem+json.</summary>
public class RewindRouteTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Port = 29175;

    private static readonly object Lighthouse = new { topic = "a lighthouse keeper named Elias Grey vanishes", genre = "mystery", mode = "interactive", targetParagraphs = 12 };

    [Fact]
    public async Task Rewind_lists_the_left_branch_reads_it_and_restore_brings_the_story_back()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var api = new ApiDriver(harness);
        string id = await api.CreateAsync(Lighthouse);
        for (int step = 1; step <= 3; step++)
        {
            await api.WaitForAsync(id, s => ApiDriver.Is(s, "awaiting-choice", step - 1));
            Assert.Equal(202, (await api.ChooseAsync(id, new { step, text = $"Elias searches the harbour, part {step}." })).Status);
        }

        HttpAnswer atThree = await api.WaitForAsync(id, s => ApiDriver.Is(s, "awaiting-choice", 3));

        HttpAnswer rewound = await api.SendAsync(HttpCall.To("POST", $"/api/stories/{id}/rewind").WithJson(new { toStep = 1 }), "RewindStory", id);

        Assert.Equal(202, rewound.Status);
        Assert.Equal(("rewind", 1, 1, 0), (rewound.Text("action"), rewound.Number("step"), rewound.Number("branch"), rewound.Number("leftBranch")));
        HttpAnswer atOne = await api.WaitForAsync(id, s => ApiDriver.Is(s, "awaiting-choice", 1));
        Assert.Equal(atThree.Number("paragraphCount") - 2, atOne.Number("paragraphCount"));

        HttpAnswer branches = await api.SendAsync(HttpCall.To("GET", $"/api/stories/{id}/branches"), "ListBranches", id);
        Assert.Equal(200, branches.Status);
        Assert.Equal(1, branches.Number("currentBranch"));
        System.Text.Json.JsonElement left = Assert.Single(branches.Json.GetProperty("branches").EnumerateArray());
        Assert.Equal((0, 1, 3, 2), (left.GetProperty("branch").GetInt32(), left.GetProperty("fromStep").GetInt32(), left.GetProperty("step").GetInt32(), left.GetProperty("ownParagraphs").GetInt32()));

        HttpAnswer branch = await api.SendAsync(HttpCall.To("GET", $"/api/stories/{id}/branches/0"), "GetBranch", id, "0");
        Assert.Equal(200, branch.Status);
        Assert.Equal(2, branch.Json.GetProperty("text").GetProperty("paragraphs").GetArrayLength());

        HttpAnswer restored = await api.SendAsync(HttpCall.To("POST", $"/api/stories/{id}/branches/0/restore"), "RestoreBranch", id, "0");
        Assert.Equal(202, restored.Status);
        Assert.Equal((3, 0), (restored.Number("step"), restored.Number("branch")));

        // The line it left had no steps of its own yet: nothing of it needed keeping.
        Assert.False(restored.Json.TryGetProperty("leftBranch", out System.Text.Json.JsonElement kept) && kept.ValueKind != System.Text.Json.JsonValueKind.Null);
        HttpAnswer back = await api.WaitForAsync(id, s => ApiDriver.Is(s, "awaiting-choice", 3));
        Assert.Equal(atThree.Number("paragraphCount"), back.Number("paragraphCount"));
    }

    [Fact]
    public async Task Bad_rewinds_and_unknown_branches_are_refused_with_problem_json()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var api = new ApiDriver(harness);
        string id = await api.CreateAsync(Lighthouse);
        await api.WaitForAsync(id, s => ApiDriver.Is(s, "awaiting-choice", 0));

        (object Body, int Status, string Type)[] cases =
        [
            (new { }, 400, "invalid-request"),
            (new { toStep = -1 }, 400, "invalid-request"),
            (new { toStep = 5 }, 404, "step-not-found"),
            (new { toStep = 0 }, 409, "already-at-step"),
        ];
        foreach ((object body, int status, string type) in cases)
        {
            HttpAnswer refused = await api.SendAsync(HttpCall.To("POST", $"/api/stories/{id}/rewind").WithJson(body), "RewindStory", id);
            Assert.Equal((status, type), (refused.Status, refused.ProblemType));
        }

        HttpAnswer notABranch = await api.SendAsync(HttpCall.To("GET", $"/api/stories/{id}/branches/7"), "GetBranch", id, "7");
        HttpAnswer restoreMissing = await api.SendAsync(HttpCall.To("POST", $"/api/stories/{id}/branches/7/restore"), "RestoreBranch", id, "7");
        HttpAnswer malformed = await api.SendAsync(HttpCall.To("POST", $"/api/stories/{id}/branches/x/restore"), "RestoreBranch", id, "x");
        Assert.Equal((404, "branch-not-found"), (notABranch.Status, notABranch.ProblemType));
        Assert.Equal((404, "branch-not-found"), (restoreMissing.Status, restoreMissing.ProblemType));
        Assert.Equal(400, malformed.Status);
    }
}
