using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Infrastructure.Tests.Models;

public sealed class MemoryCapTests
{
    private const int Cap = 50;
    private static readonly WriterSettings Settings = WriterSettings.Default with { MemoryCapUnits = Cap };

    // 13 units of memory plus 40 added by the step: 53, over the cap of 50.
    private static readonly string Additions = StoryReplies.Words(40, "cellar");

    [Fact]
    public async Task Memory_pushed_over_the_cap_is_compressed_by_one_request()
    {
        const string compressed = "Ada owns the lighthouse. The logbook is missing. Something knocks in the cellar.";
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        server.Enqueue(ScriptedReply.Completion(StoryReplies.Step(Additions)), ScriptedReply.Completion(StoryReplies.Compression(compressed)));
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        RecurrentWriter writer = ModelTestKit.Writer(ModelTestKit.Azure(server), Settings);

        WriterResult<StepOutcome> result = await writer.WriteStepAsync(ModelTestKit.Step(), recommend: true, deadline.Token);

        Assert.Equal(2, server.Requests.Count);
        RecordedRequest compression = server.Requests[1];
        Assert.Equal("memory_compression", compression.Json.GetProperty("response_format").GetProperty("json_schema").GetProperty("name").GetString());
        Assert.Contains("cellarz", compression.Messages()[^1].Text, StringComparison.Ordinal);
        Assert.Equal(MemoryBounding.Compressed, result.Value.Bounding);
        Assert.Equal(compressed, result.Value.Memory.Text);
        Assert.Equal(["story_step", "memory_compression"], result.Exchanges.Select(e => e.Purpose));
    }

    [Fact]
    public async Task Compression_still_over_the_cap_ends_in_trimming_to_the_cap()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        server.Enqueue(
            ScriptedReply.Completion(StoryReplies.Step(Additions)),
            ScriptedReply.Completion(StoryReplies.Compression(StoryReplies.Words(80, "wordy"))));
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        RecurrentWriter writer = ModelTestKit.Writer(ModelTestKit.OpenAICompatible(server), Settings);

        WriterResult<StepOutcome> result = await writer.WriteStepAsync(ModelTestKit.Step(), recommend: true, deadline.Token);

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(MemoryBounding.Trimmed, result.Value.Bounding);
        Assert.InRange(result.Value.Memory.Units, 1, Cap);
        // Trimming drops the oldest sentences of the uncompressed memory: what is left is its newest part.
        ShortTermMemory uncompressed = ModelTestKit.Step().ShortTermMemory.Apply(
            Core.Memory.MemoryUpdate.Edit([], [new MemoryAddition(Additions, "new in this paragraph")]));
        Assert.EndsWith(result.Value.Memory.Text, uncompressed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("wordy", result.Value.Memory.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Memory_within_the_cap_needs_no_compression_request()
    {
        await using ChatCompletionsServer server = await ChatCompletionsServer.StartAsync();
        server.Enqueue(ScriptedReply.Completion(StoryReplies.Step("Knocking comes from the cellar.")));
        using CancellationTokenSource deadline = ModelTestKit.StartDeadline();
        RecurrentWriter writer = ModelTestKit.Writer(ModelTestKit.Azure(server), Settings);

        WriterResult<StepOutcome> result = await writer.WriteStepAsync(ModelTestKit.Step(), recommend: true, deadline.Token);

        Assert.Single(server.Requests);
        Assert.Equal(MemoryBounding.WithinCap, result.Value.Bounding);
    }
}
