using System.Text.Json;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Infrastructure.Tests.Models;

public sealed class AzureOpenAIWireTests
{
    [Fact]
    public async Task Step_call_goes_to_the_deployment_path_with_api_version_and_api_key_header()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        server.Enqueue(ScriptedReply.Completion(StoryReplies.Step("Something knocks in the cellar at midnight.")));
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        RecurrentWriter writer = ModelTestKit.Writer(ModelTestKit.Azure(server));

        WriterResult<StepOutcome> result = await writer.WriteStepAsync(ModelTestKit.Step(), recommend: true, deadline.Token);

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/openai/deployments/{ModelTestKit.Deployment}/chat/completions", request.Path);
        Assert.Equal("2024-10-21", request.Query("api-version"));
        Assert.Equal(ModelTestKit.AzureKey, request.Header("api-key"));
        Assert.Null(request.Header("Authorization"));
        WireAssert.CarriesThePrompt(request, writer.Prompts.Step(ModelTestKit.Step(), recommend: true));
        Assert.Equal(2, result.Value.Draft.RecommendedPlan);
    }

    [Theory]
    [InlineData("2024-10-21")]
    [InlineData("2024-06-01")]
    [InlineData("2025-04-01-preview")]
    public async Task Configured_api_version_is_the_query_value_sent(string apiVersion)
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        server.Enqueue(ScriptedReply.Completion(StoryReplies.Opening()));
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        RecurrentWriter writer = ModelTestKit.Writer(ModelTestKit.Azure(server, apiVersion: apiVersion));

        await writer.OpenAsync(ModelTestKit.Premise, deadline.Token);

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal(apiVersion, request.Query("api-version"));
        Assert.Single(request.QueryString.Split("api-version=").Skip(1));
        Assert.Equal("story_opening", request.Json.GetProperty("response_format").GetProperty("json_schema").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Azure_without_a_key_sends_the_entra_id_token_and_no_api_key()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        server.Enqueue(ScriptedReply.Completion(StoryReplies.Opening()));
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        var credential = new FixedTokenCredential("entra-token-51c0");
        var writer = new RecurrentWriter(
            Infrastructure.Models.ChatClientFactory.Create(ModelTestKit.Azure(server, apiKey: null), credential),
            WriterSettings.Default);

        await writer.OpenAsync(ModelTestKit.Premise, deadline.Token);

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("Bearer entra-token-51c0", request.Header("Authorization"));
        Assert.Null(request.Header("api-key"));
        Assert.Contains("https://cognitiveservices.azure.com/.default", credential.RequestedScopes);
    }

    [Fact]
    public async Task Response_format_carries_the_published_schema()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        server.Enqueue(ScriptedReply.Completion(StoryReplies.Opening()));
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        RecurrentWriter writer = ModelTestKit.Writer(ModelTestKit.Azure(server));

        await writer.OpenAsync(ModelTestKit.Premise, deadline.Token);

        JsonElement schema = Assert.Single(server.Requests).Json.GetProperty("response_format").GetProperty("json_schema").GetProperty("schema");
        Assert.Equal(
            ["memory", "outline", "paragraphs", "plans", "title"],
            schema.GetProperty("required").EnumerateArray().Select(k => k.GetString()!).Order(StringComparer.Ordinal));
    }
}
