using RecurrentGpt.Core.Writing;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Infrastructure.Tests.Models;

public sealed class UsageTests
{
    [Fact]
    public async Task Server_usage_and_model_id_appear_in_the_writer_result()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        server.Enqueue(ScriptedReply.Completion(StoryReplies.Opening(), promptTokens: 1234, completionTokens: 567) with { Model = "gpt-4o-2024-08-06" });
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        RecurrentWriter writer = ModelTestKit.Writer(ModelTestKit.Azure(server));

        WriterResult<OpeningOutcome> result = await writer.OpenAsync(ModelTestKit.Premise, deadline.Token);

        Assert.Equal(new TokenUsage(1234, 567, 1), result.Usage);
        Assert.Equal("gpt-4o-2024-08-06", Assert.Single(result.Exchanges).ModelId);
    }

    [Fact]
    public async Task Usage_sums_every_exchange_including_the_repair()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        server.Enqueue(
            ScriptedReply.Completion(StoryReplies.Prose, promptTokens: 900, completionTokens: 40),
            ScriptedReply.Completion(StoryReplies.Step(), promptTokens: 1000, completionTokens: 450));
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        RecurrentWriter writer = ModelTestKit.Writer(ModelTestKit.OpenAICompatible(server));

        WriterResult<StepOutcome> result = await writer.WriteStepAsync(ModelTestKit.Step(), recommend: true, deadline.Token);

        Assert.Equal(new TokenUsage(1900, 490, 2), result.Usage);
        Assert.Equal([(900L, 40L), (1000L, 450L)], result.Exchanges.Select(e => (e.InputTokens, e.OutputTokens)));
    }
}
