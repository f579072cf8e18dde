using System.Text.Json;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Editing;
using RecurrentGpt.Workflow.Lines;
using RecurrentGpt.Workflow.Recall;
using RecurrentGpt.Workflow.Refusals;
using RecurrentGpt.Workflow.Stories;
using static RecurrentGpt.Workflow.Tests.Lines.InteractiveSteps;

namespace RecurrentGpt.Workflow.Tests.Lines;

/// <summary>
/// Forks on the real engine over Azurite, with the model at the wire: a fork reads its parent's text by reference, writes
/// only its own, and never changes the parent; edits follow one trunk, and a fork's own edit is its override.
/// </summary>
public class ForkTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Port = 29192;

    [Fact]
    public async Task A_fork_at_step_five_starts_from_snapshot_five_writes_only_its_own_and_leaves_the_parent_unchanged_to_the_byte()
    {
        await using ChatCompletionsServer model = await ChatCompletionsServer.StartAsync();
        model.WhenScriptIsEmpty = OfflineWriterReplies.Answer;
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port, model.ChatClient());
        string connection = await azurite.ConnectionStringAsync();
        string parent = await StartAsync(harness, 40);
        for (int step = 1; step <= 12; step++)
        {
            await ChooseAsync(harness, parent, step, $"Step {step}: Elias follows the trail of the brass key to place number {step}.");
        }

        StoryState atTwelve = await harness.StateAsync(parent);
        MemorySnapshot five = (await harness.Get<StoryStateStore>().GetSnapshotAsync(parent, 5, CancellationToken.None))!;
        Assert.NotEqual(five.ShortTermMemory, atTwelve.ShortTermMemory);
        IReadOnlyList<StoredParagraph> parentText = await harness.Get<ParagraphStore>().ReadRangeAsync(parent, 0, atTwelve.ParagraphCount, CancellationToken.None);
        string parentBefore = await StoryFootprint.ReadAsync(connection, parent);
        int requestsBefore = model.Requests.Count;

        StoryFork fork = await harness.Get<StoryForker>().ForkAsync(parent, 5, "lighthouse-fork", null, CancellationToken.None);

        Assert.Equal(("lighthouse-fork", parent, 5, 5, five.ParagraphCount, StoryStatus.AwaitingChoice),
            (fork.StoryId, fork.ParentId, fork.FromStep, fork.Step, fork.ParagraphCount, fork.Status));
        StoryState forked = await harness.StateAsync(fork.StoryId);
        Assert.Equal((five.ShortTermMemory, five.RecommendedPlan, five.Outline), (forked.ShortTermMemory, forked.RecommendedPlan, forked.Outline));
        Assert.Equal(five.Plans, forked.Plans);
        Assert.Equal((parent, 5), (forked.Fork!.ParentId, forked.Fork.Step));
        Assert.Equal([parent], forked.Fork.Ancestors);
        Assert.Equal((0L, 0L), (forked.InputTokens, forked.OutputTokens));

        // Nothing was copied: the fork has no blob and no row but its state.
        Assert.Empty(await BlobsUnderAsync(connection, fork.StoryId));
        Assert.Equal(["state"], await RowKeysAsync(connection, fork.StoryId));
        Assert.NotNull(await harness.Client.GetInstanceAsync(fork.StoryId));

        for (int step = 6; step <= 10; step++)
        {
            await ChooseAsync(harness, fork.StoryId, step, $"Fork step {step}: Mara Quint rows out to the reef marker number {step}.");
        }

        // The fork's first prompt was built from snapshot-5: its memory, not step 12's, went to the model.
        RecordedRequest firstStep = model.Requests.Skip(requestsBefore).First(OfflineWriterReplies.IsStepCall);
        string prompt = PromptOf(firstStep);
        Assert.Equal(five.ShortTermMemory, MemoryIn(prompt));
        Assert.NotEqual(atTwelve.ShortTermMemory, MemoryIn(prompt));
        Assert.Contains(parentText[five.ParagraphCount - 1].Text.Trim(), prompt, StringComparison.Ordinal);
        StoryState forkAtTen = await harness.StateAsync(fork.StoryId);
        StepRecord six = (await harness.Get<StoryText>().StepAsync(forkAtTen.Lines, 6, CancellationToken.None))!;
        Assert.Equal(five.ShortTermMemory, six.Inputs.ShortTermMemory.Text);

        // Its recall saw the shared prefix and its own paragraphs, never the parent's steps 6 to 12.
        var parentsOwn = parentText.Skip(five.ParagraphCount).Select(p => ParagraphSummary.FromFirstSentence(p.Text)).ToHashSet(StringComparer.Ordinal);
        int recalled = 0;
        for (int step = 6; step <= 10; step++)
        {
            StepRecord record = (await harness.Get<StoryText>().StepAsync(forkAtTen.Lines, step, CancellationToken.None))!;
            foreach (RetrievedMemory memory in record.Inputs.LongTermMemories)
            {
                recalled++;
                Assert.DoesNotContain(memory.Summary, parentsOwn);
            }
        }

        Assert.True(recalled > 0, "the fork's steps recalled nothing, so the test proves nothing about recall");

        // The parent is unchanged to the byte: every blob (bytes, metadata) and row (with its ETag).
        Assert.Equal(parentBefore, await StoryFootprint.ReadAsync(connection, parent));

        // The fork's export holds its whole text, the prefix read from the parent, and says where it came from.
        string export = await harness.Get<StoryExport>().RenderAsync(fork.StoryId, ExportFormat.Markdown, CancellationToken.None);
        Assert.StartsWith($"---\nforked_from: {parent}\nforked_at_step: 5\n---\n\n# ", export, StringComparison.Ordinal);
        IReadOnlyList<StoredParagraph> forkText = await harness.Get<StoryText>().RangeAsync(forkAtTen, 0, forkAtTen.ParagraphCount, CancellationToken.None);
        Assert.Equal(parentText.Take(five.ParagraphCount).Select(p => p.Text), forkText.Take(five.ParagraphCount).Select(p => p.Text));
        Assert.Equal([6, 7, 8, 9, 10], forkText.Skip(five.ParagraphCount).Select(p => p.Step));
        Assert.All(forkText, p => Assert.Contains(p.Text.Trim(), export, StringComparison.Ordinal));
        Assert.Empty(await harness.Get<StoryAudit>().CheckAsync(fork.StoryId, CancellationToken.None));
        Assert.Empty(await harness.Get<StoryAudit>().CheckAsync(parent, CancellationToken.None));

        // Its timeline: steps 1 to 5 are the parent's, read from its line; 6 to 10 are the fork's own.
        Timeline timeline = await harness.Get<StoryTimeline>().ReadAsync(fork.StoryId, 1, 50, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 10), timeline.Steps.Select(step => step.Step));
        Assert.Equal([true, true, true, true, true, false, false, false, false, false], timeline.Steps.Select(step => step.Inherited));
        Assert.Equal(LineRef.Root(parent), timeline.Steps[4].Line);
        Assert.Equal("Fork step 6: Mara Quint rows out to the reef marker number 6.", timeline.Steps[5].Plan);
    }

    [Fact]
    public async Task Edits_follow_one_trunk_a_forks_own_edit_is_its_override_and_a_fork_of_a_fork_reads_the_whole_chain()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        string connection = await azurite.ConnectionStringAsync();
        string root = await StartAsync(harness, 30);
        for (int step = 1; step <= 4; step++)
        {
            await ChooseAsync(harness, root, step, $"Root step {step}: Elias counts the lamps of the harbour, {step} of them.");
        }

        StoryForker forker = harness.Get<StoryForker>();
        StoryFork child = await forker.ForkAsync(root, 3, null, null, CancellationToken.None);
        for (int step = 4; step <= 6; step++)
        {
            await ChooseAsync(harness, child.StoryId, step, $"Child step {step}: Mara maps the caves under the pier, cave {step}.");
        }

        StoryFork grandchild = await forker.ForkAsync(child.StoryId, 5, "grand-fork", StoryMode.Interactive, CancellationToken.None);
        Assert.Equal([child.StoryId, root], (await harness.StateAsync(grandchild.StoryId)).Fork!.Ancestors);
        await ChooseAsync(harness, grandchild.StoryId, 6, "Grandchild step 6: the tide uncovers a drowned bell.");

        // The chain reads whole: the root's first paragraphs, the child's, then the grandchild's own.
        StoryState grand = await harness.StateAsync(grandchild.StoryId);
        IReadOnlyList<StoredParagraph> grandText = await harness.Get<StoryText>().RangeAsync(grand, 0, grand.ParagraphCount, CancellationToken.None);
        IReadOnlyList<StoredParagraph> rootText = await harness.Get<StoryText>().RangeAsync(await harness.StateAsync(root), 0, child.ParagraphCount, CancellationToken.None);
        StoryState childState = await harness.StateAsync(child.StoryId);
        IReadOnlyList<StoredParagraph> childText = await harness.Get<StoryText>().RangeAsync(childState, 0, childState.ParagraphCount, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, grand.ParagraphCount), grandText.Select(p => p.Index));
        Assert.Equal(rootText.Select(p => p.Text), grandText.Take(child.ParagraphCount).Select(p => p.Text));
        Assert.Equal(childText.Take(grandchild.ParagraphCount).Select(p => p.Text), grandText.Take(grandchild.ParagraphCount).Select(p => p.Text));
        Assert.Equal(6, grandText[^1].Step);
        Assert.Empty(await harness.Get<StoryAudit>().CheckAsync(grandchild.StoryId, CancellationToken.None));

        ParagraphEditor editor = harness.Get<ParagraphEditor>();
        string childBefore = await StoryFootprint.ReadAsync(connection, child.StoryId);

        // The root's edit of a shared paragraph shows in both forks: one trunk.
        await editor.EditAsync(root, 1, "The harbour clock stopped at nine, and nobody in the town would say why.", CancellationToken.None);
        Assert.Equal("The harbour clock stopped at nine, and nobody in the town would say why.", await ParagraphAsync(harness, child.StoryId, 1));
        Assert.Equal("The harbour clock stopped at nine, and nobody in the town would say why.", await ParagraphAsync(harness, grandchild.StoryId, 1));

        // The child's edit of a paragraph it inherited is its own override: the root keeps its text, the grandchild
        // (forked from the child) reads the child's, even though the override came after the grandchild was forked.
        string rootsTwo = await ParagraphAsync(harness, root, 2);
        await editor.EditAsync(child.StoryId, 2, "Mara had never trusted the lighthouse, and now she knew she had been right.", CancellationToken.None);
        Assert.Equal(rootsTwo, await ParagraphAsync(harness, root, 2));
        Assert.Equal("Mara had never trusted the lighthouse, and now she knew she had been right.", await ParagraphAsync(harness, child.StoryId, 2));
        Assert.Equal("Mara had never trusted the lighthouse, and now she knew she had been right.", await ParagraphAsync(harness, grandchild.StoryId, 2));
        Assert.Equal([new ParagraphOverride(LineRef.Root(root), 2)], (await harness.StateAsync(child.StoryId)).Overrides);

        // The grandchild's own override stands over the child's, which stays as it was; a second edit of it replaces it.
        await editor.EditAsync(grandchild.StoryId, 2, "The bell had rung in the night, though no one had climbed the tower.", CancellationToken.None);
        StoredParagraph again = await editor.EditAsync(grandchild.StoryId, 2, "The bell had rung twice in the night, though no one had climbed the tower.", CancellationToken.None);
        Assert.Equal(("The bell had rung twice in the night, though no one had climbed the tower.", ParagraphAuthor.Human), (await ParagraphAsync(harness, grandchild.StoryId, 2), again.Author));
        Assert.Equal("Mara had never trusted the lighthouse, and now she knew she had been right.", await ParagraphAsync(harness, child.StoryId, 2));
        Assert.Single((await harness.StateAsync(grandchild.StoryId)).Overrides);

        // Recall reads what the fork reads: the override, not the text it replaced (the vector cache followed the edits).
        StoryState grandNow = await harness.StateAsync(grandchild.StoryId);
        IReadOnlyList<RetrievedMemory> recalled = await harness.Get<LongTermRecall>().RecallAsync(grandNow, "The bell had rung twice in the night", CancellationToken.None);
        Assert.Contains(recalled, memory => memory.ParagraphIndex == 2 && memory.Summary.StartsWith("The bell had rung twice", StringComparison.Ordinal));

        // The child's blobs and rows outside its override and its edit count are as they were: the grandchild's edits wrote nothing there.
        string childAfter = await StoryFootprint.ReadAsync(connection, child.StoryId);
        Assert.Equal(
            Lines(childBefore).Where(line => !line.Contains("b999999", StringComparison.Ordinal) && !line.StartsWith("row StoryMemory state ", StringComparison.Ordinal) && !line.StartsWith("row Stories ", StringComparison.Ordinal)),
            Lines(childAfter).Where(line => !line.Contains("b999999", StringComparison.Ordinal) && !line.StartsWith("row StoryMemory state ", StringComparison.Ordinal) && !line.StartsWith("row Stories ", StringComparison.Ordinal)));

        // The export of each says so: every story reads its own version of paragraph 2.
        string grandExport = await harness.Get<StoryExport>().RenderAsync(grandchild.StoryId, ExportFormat.Markdown, CancellationToken.None);
        Assert.Contains("forked_from: " + child.StoryId, grandExport, StringComparison.Ordinal);
        Assert.Contains("The bell had rung twice", grandExport, StringComparison.Ordinal);
        Assert.DoesNotContain("Mara had never trusted", grandExport, StringComparison.Ordinal);
        foreach (string id in new[] { root, child.StoryId, grandchild.StoryId })
        {
            Assert.Empty(await harness.Get<StoryAudit>().CheckAsync(id, CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_fork_costs_the_same_storage_writes_at_step_ten_as_at_step_five_hundred()
    {
        var counter = new RequestCounter();
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port, services: services =>
            services.AddSingleton(provider =>
            {
                var blobs = new BlobClientOptions();
                blobs.AddPolicy(counter, HttpPipelinePosition.PerRetry);
                var tables = new TableClientOptions();
                tables.AddPolicy(counter, HttpPipelinePosition.PerRetry);
                return new StorageClients(provider.GetRequiredService<StorageOptions>(), null, blobs, tables);
            }));

        // A parent at step 500, as far as a fork can tell: its state row and the snapshots a fork reads. Writing 500
        // real steps would only make the test slow; what a fork reads and writes does not depend on them.
        string parent = "long-parent-" + Guid.NewGuid().ToString("N")[..8];
        StoryStateStore states = harness.Get<StoryStateStore>();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        await states.CreateAsync(new StoryState
        {
            StoryId = parent, Premise = Lighthouse, Mode = StoryMode.Interactive, Status = StoryStatus.AwaitingChoice,
            TargetParagraphs = 2_000, Step = 500, ParagraphCount = 503, Title = "The Long Watch", Plans = ["a", "b", "c"],
            ShortTermMemory = "Elias keeps watch.", CreatedAt = now, UpdatedAt = now,
        }, CancellationToken.None);
        foreach (int step in new[] { 10, 500 })
        {
            await states.WriteSnapshotAsync(parent, new MemorySnapshot(step, "outline", $"memory after step {step}", ["a", "b", "c"], 1, 3 + step), CancellationToken.None);
        }

        var writes = new Dictionary<int, IReadOnlyList<string>>();
        foreach (int step in new[] { 10, 500 })
        {
            counter.ClearSent();
            StoryFork fork = await harness.Get<StoryForker>().ForkAsync(parent, step, $"{parent}-at-{step}", null, CancellationToken.None);
            writes[step] = counter.Writes;
            Assert.Equal($"memory after step {step}", (await harness.StateAsync(fork.StoryId)).ShortTermMemory);
            Assert.All(writes[step], write => Assert.DoesNotContain($"'{parent}'", write, StringComparison.Ordinal));
        }

        Assert.Equal(writes[10].Count, writes[500].Count);
        Assert.InRange(writes[10].Count, 2, 4);
        Assert.Equal(writes[10].Select(Shape), writes[500].Select(Shape));
    }

    [Fact]
    public async Task A_fork_at_a_step_not_committed_of_a_story_not_opened_or_onto_a_taken_id_is_refused_and_writes_nothing()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        string parent = await StartAsync(harness, 10);
        await ChooseAsync(harness, parent, 1, "Elias climbs the tower.");
        string other = await StartAsync(harness, 10);
        StoryForker forker = harness.Get<StoryForker>();
        string before = await StoryFootprint.ReadAsync(await azurite.ConnectionStringAsync(), parent);

        StoryRefusedException beyond = await Assert.ThrowsAsync<StoryRefusedException>(() => forker.ForkAsync(parent, 2, "beyond-fork", null, CancellationToken.None));
        StoryRefusedException negative = await Assert.ThrowsAsync<StoryRefusedException>(() => forker.ForkAsync(parent, -1, "negative-fork", null, CancellationToken.None));
        StoryRefusedException taken = await Assert.ThrowsAsync<StoryRefusedException>(() => forker.ForkAsync(parent, 1, other, null, CancellationToken.None));
        await Assert.ThrowsAsync<StoryNotFoundException>(() => forker.ForkAsync("no-such-story", 0, null, null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => forker.ForkAsync(parent, 0, "Not An Id", null, CancellationToken.None));

        Assert.Equal((StoryRefusal.StepNotFound, StoryRefusal.StepNotFound, StoryRefusal.StoryExists), (beyond.Refusal, negative.Refusal, taken.Refusal));
        Assert.Null(await harness.Get<StoryStateStore>().GetAsync("beyond-fork", CancellationToken.None));
        Assert.Null(await harness.Get<StoryStateStore>().GetAsync("negative-fork", CancellationToken.None));
        Assert.Equal(before, await StoryFootprint.ReadAsync(await azurite.ConnectionStringAsync(), parent));
    }

    private static string Shape(string write) => string.Concat(write.Where(c => !char.IsDigit(c))).Replace("-at-", string.Empty, StringComparison.Ordinal);

    private static IEnumerable<string> Lines(string footprint) => footprint.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static async Task<string> ParagraphAsync(WorkflowHarness harness, string id, int index) =>
        (await harness.Get<StoryText>().ParagraphAsync(await harness.StateAsync(id), index, CancellationToken.None))!.Text;

    /// <summary>The short-term memory a step prompt shows, as the text it was numbered from.</summary>
    private static string MemoryIn(string prompt)
    {
        int start = prompt.IndexOf("<memory>\n", StringComparison.Ordinal) + "<memory>\n".Length;
        int end = prompt.IndexOf("\n</memory>", start, StringComparison.Ordinal);
        return string.Join(' ', prompt[start..end].Split('\n').Select(line => System.Text.RegularExpressions.Regex.Replace(line, @"^\[\d+\] ", string.Empty)));
    }

    private static string PromptOf(RecordedRequest request) => string.Join("\n",
        request.Json.GetProperty("messages").EnumerateArray().Select(message =>
            message.GetProperty("content") is { ValueKind: JsonValueKind.String } text ? text.GetString() : message.GetProperty("content").ToString()));

    private static async Task<IReadOnlyList<string>> BlobsUnderAsync(string connection, string storyId)
    {
        var names = new List<string>();
        BlobContainerClient container = new BlobServiceClient(connection).GetBlobContainerClient("stories");
        await foreach (BlobItem blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, storyId + "/", CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    private static async Task<IReadOnlyList<string>> RowKeysAsync(string connection, string storyId)
    {
        var keys = new List<string>();
        await foreach (TableEntity row in new TableServiceClient(connection).GetTableClient(StorageOptions.StoryMemoryTable).QueryAsync<TableEntity>($"PartitionKey eq '{storyId}'"))
        {
            keys.Add(row.RowKey);
        }

        return keys;
    }
}
