using Microsoft.Extensions.AI;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.Infrastructure.Models;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Infrastructure.Tests.Models;

public sealed class OpenAICompatibleWireTests
{
    [Fact]
    public async Task Step_call_goes_to_the_base_url_with_bearer_key_and_model_name()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        server.Enqueue(ScriptedReply.Completion(StoryReplies.Step("Something knocks in the cellar at midnight.")));
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        RecurrentWriter writer = ModelTestKit.Writer(ModelTestKit.OpenAICompatible(server));

        WriterResult<StepOutcome> result = await writer.WriteStepAsync(ModelTestKit.Step(), recommend: false, deadline.Token);

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal($"Bearer {ModelTestKit.OpenAIKey}", request.Header("Authorization"));
        Assert.Null(request.Header("api-key"));
        Assert.Equal(ModelTestKit.ModelName, request.Json.GetProperty("model").GetString());
        WireAssert.CarriesThePrompt(request, writer.Prompts.Step(ModelTestKit.Step(), recommend: false));
        Assert.Equal(StoryReplies.Plans, result.Value.Draft.Plans);
        Assert.EndsWith("Something knocks in the cellar at midnight.", result.Value.Memory.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_server_without_a_key_gets_a_placeholder_bearer()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        server.Enqueue(ScriptedReply.Completion(StoryReplies.Opening()));
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        RecurrentWriter writer = ModelTestKit.Writer(ModelTestKit.OpenAICompatible(server, apiKey: null));

        await writer.OpenAsync(ModelTestKit.Premise, deadline.Token);

        Assert.Equal($"Bearer {ChatClientFactory.PlaceholderApiKey}", Assert.Single(server.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task Base_url_without_v1_gets_chat_completions_appended_to_its_root()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        server.Enqueue(ScriptedReply.Completion(StoryReplies.Opening()));
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        ModelOptions options = ModelTestKit.OpenAICompatible(server);
        options.BaseUrl = server.BaseUrl.ToString();

        await ModelTestKit.Writer(options).OpenAsync(ModelTestKit.Premise, deadline.Token);

        Assert.Equal("/chat/completions", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task Streaming_reply_arrives_whole_and_a_streaming_failure_is_model_unavailable()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        server.Enqueue(ScriptedReply.Completion("Ada lit the lamp.", promptTokens: 11, completionTokens: 5), ScriptedReply.Error(503, "Overloaded."));
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        IChatClient chat = ChatClientFactory.Create(ModelTestKit.OpenAICompatible(server));

        ChatResponse streamed = await chat.GetStreamingResponseAsync("Write one sentence.", cancellationToken: deadline.Token).ToChatResponseAsync(deadline.Token);
        ModelUnavailableException failure = await Assert.ThrowsAsync<ModelUnavailableException>(
            () => chat.GetStreamingResponseAsync("Write one sentence.", cancellationToken: deadline.Token).ToChatResponseAsync(deadline.Token));

        Assert.Equal("Ada lit the lamp.", streamed.Text);
        Assert.Equal(11, streamed.Usage?.InputTokenCount);
        Assert.Equal(5, streamed.Usage?.OutputTokenCount);
        Assert.Equal(503, failure.StatusCode);
    }
}
