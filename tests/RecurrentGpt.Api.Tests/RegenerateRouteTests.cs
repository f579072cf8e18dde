using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Api.Tests;

/// <summary>POST regenerate and PUT steps/{n}/alternative through the route table, with every refusal as problem+json.</summary>
public class RegenerateRouteTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Port = 29177;

    private static readonly object Lighthouse = new { topic = "a lighthouse keeper named Elias Grey vanishes", genre = "mystery", mode = "interactive", targetParagraphs = 12 };

    [Fact]
    public async Task Regenerate_writes_the_step_again_and_the_first_take_comes_back_with_its_text()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        var api = new ApiDriver(harness);
        string id = await api.CreateAsync(Lighthouse);

        await api.WaitForAsync(id, s => ApiDriver.Is(s, "awaiting-choice", 0));
        HttpAnswer nothingYet = await api.SendAsync(HttpCall.To("POST", $"/api/stories/{id}/regenerate"), "RegenerateStep", id);
        Assert.Equal(202, (await api.ChooseAsync(id, new { step = 1, text = "Elias searches the harbour." })).Status);
        HttpAnswer atOne = await api.WaitForAsync(id, s => ApiDriver.Is(s, "awaiting-choice", 1));
        string firstTake = await LastParagraphAsync(api, id, atOne.Number("paragraphCount"));

        HttpAnswer regenerated = await api.SendAsync(HttpCall.To("POST", $"/api/stories/{id}/regenerate"), "RegenerateStep", id);

        Assert.Equal(202, regenerated.Status);
        Assert.Equal(("regenerate", 0, 1), (regenerated.Text("action"), regenerated.Number("step"), regenerated.Number("branch")));
        HttpAnswer again = await api.WaitForAsync(id, s => ApiDriver.Is(s, "awaiting-choice", 1));
        Assert.Equal(atOne.Number("paragraphCount"), again.Number("paragraphCount"));
        Assert.NotEqual(firstTake, await LastParagraphAsync(api, id, again.Number("paragraphCount")));

        HttpAnswer chosen = await api.SendAsync(HttpCall.To("PUT", $"/api/stories/{id}/steps/1/alternative").WithJson(new { index = 1 }), "ChooseAlternative", id, "1");
        Assert.Equal(202, chosen.Status);
        Assert.Equal(("choose-alternative", 1, 0), (chosen.Text("action"), chosen.Number("step"), chosen.Number("branch")));
        await api.WaitForAsync(id, s => ApiDriver.Is(s, "awaiting-choice", 1));
        Assert.Equal(firstTake, await LastParagraphAsync(api, id, atOne.Number("paragraphCount")));

        (object Body, string Step, int Status, string Type)[] cases =
        [
            (new { }, "1", 400, "invalid-request"),
            (new { index = 0 }, "1", 400, "invalid-request"),
            (new { index = 3 }, "1", 404, "alternative-not-found"),
            (new { index = 1 }, "1", 409, "already-at-step"),
            (new { index = 1 }, "4", 404, "step-not-found"),
        ];
        foreach ((object body, string step, int status, string type) in cases)
        {
            HttpAnswer refused = await api.SendAsync(HttpCall.To("PUT", $"/api/stories/{id}/steps/{step}/alternative").WithJson(body), "ChooseAlternative", id, step);
            Assert.Equal((status, type), (refused.Status, refused.ProblemType));
        }

        Assert.Equal((404, "step-not-found"), (nothingYet.Status, nothingYet.ProblemType));
    }

    private static async Task<string> LastParagraphAsync(ApiDriver api, string id, int count)
    {
        HttpAnswer page = await api.SendAsync(HttpCall.To("GET", $"/api/stories/{id}/paragraphs", $"from={count - 1}&count=1"), "ListParagraphs", id);
        return page.Json.GetProperty("paragraphs")[0].GetProperty("text").GetString()!;
    }
}
