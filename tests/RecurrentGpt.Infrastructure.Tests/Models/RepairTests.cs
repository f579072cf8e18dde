using RecurrentGpt.Core.Writing;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Infrastructure.Tests.Models;

public sealed class RepairTests
{
    private const string NoSections = "no sections found: expected a JSON object or marked sections";

    [Fact]
    public async Task Unparseable_reply_gets_one_repair_request_quoting_the_parse_error()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        server.Enqueue(ScriptedReply.Completion(StoryReplies.Prose), ScriptedReply.Completion(StoryReplies.Step("The cellar door is bolted from inside.")));
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        RecurrentWriter writer = ModelTestKit.Writer(ModelTestKit.Azure(server), WriterSettings.Default with { MaxRepairs = 1 });

        WriterResult<StepOutcome> result = await writer.WriteStepAsync(ModelTestKit.Step(), recommend: true, deadline.Token);

        Assert.Equal(2, server.Requests.Count);
        IReadOnlyList<(string Role, string Text)> repair = server.Requests[1].Messages();
        Assert.Equal(4, repair.Count);
        Assert.Equal(("assistant", StoryReplies.Prose), repair[2]);
        Assert.Equal("user", repair[^1].Role);
        Assert.Contains(NoSections, repair[^1].Text, StringComparison.Ordinal);
        Assert.Equal("story_step", server.Requests[1].Json.GetProperty("response_format").GetProperty("json_schema").GetProperty("name").GetString());
        Assert.Equal([NoSections, null], result.Exchanges.Select(e => e.ParseError));
        Assert.Equal([0, 1], result.Exchanges.Select(e => e.Attempt));
        Assert.EndsWith("The cellar door is bolted from inside.", result.Value.Memory.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_unparseable_replies_end_in_model_output_exception_with_both_raw_outputs()
    {
        const string secondProse = "I am sorry, I cannot continue this story in the requested format.";
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        server.Enqueue(ScriptedReply.Completion(StoryReplies.Prose), ScriptedReply.Completion(secondProse), ScriptedReply.Completion(StoryReplies.Step()));
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        RecurrentWriter writer = ModelTestKit.Writer(ModelTestKit.OpenAICompatible(server), WriterSettings.Default with { MaxRepairs = 1 });

        ModelOutputException failure = await Assert.ThrowsAsync<ModelOutputException>(
            () => writer.WriteStepAsync(ModelTestKit.Step(), recommend: true, deadline.Token));

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(1, server.PendingReplies);
        Assert.Equal("story_step", failure.Purpose);
        Assert.Equal([StoryReplies.Prose, secondProse], failure.Exchanges.Select(e => e.RawOutput));
        Assert.Equal(secondProse, failure.RawOutput);
        Assert.Contains(NoSections, failure.Message, StringComparison.Ordinal);
    }
}
