using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Local.Tests.Cli;

/// <summary>
/// <c>rgpt fork</c>, <c>rewind</c> and <c>restore</c> as a writer types them: a fork that <c>rgpt resume</c> writes on and
/// <c>rgpt check</c> finds whole, and every bad input one line on stderr with exit 2.
/// </summary>
public class TreeCommandTests(AzuriteFixture azurite) : RgptCommandTests(azurite, "tree")
{
    [Fact]
    public async Task A_fork_made_with_rgpt_is_written_on_by_resume_and_bad_tree_commands_are_one_line_and_exit_2()
    {
        const string root = "tree-root";
        Assert.Equal(0, await RunAsync("write", "a lighthouse keeper vanishes", "--paragraphs", "6", "--id", root));

        (int forked, string forkOutput, _) = await RunWithOutputAsync("fork", root, "1", "--id", "tree-fork");
        Assert.Equal(0, forked);
        Assert.Contains($"tree-fork is a fork of {root} at step 1", forkOutput, StringComparison.Ordinal);
        Assert.Contains("rgpt resume tree-fork", forkOutput, StringComparison.Ordinal);

        Assert.Equal(0, await RunAsync("resume", "tree-fork"));
        (int checkedFork, string whole, _) = await RunWithOutputAsync("check", "tree-fork");
        Assert.True(checkedFork == 0, whole);
        string export = await File.ReadAllTextAsync(Path.Combine(Folder, "stories", "tree-fork.md"));
        Assert.StartsWith($"---\nforked_from: {root}\nforked_at_step: 1\n---\n\n# ", export, StringComparison.Ordinal);
        Assert.Equal(0, await RunAsync("check", root));
        Assert.Contains($"forked from {root} at step 1", (await RunWithOutputAsync("show", "tree-fork")).Output, StringComparison.Ordinal);
        (int logged, string log, _) = await RunWithOutputAsync("log", "tree-fork");
        Assert.True(logged == 0, log);
        Assert.Contains($"a fork of {root} at step 1", log, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s+1  [a-z]+\*", log);
        Assert.Matches(@"(?m)^\s+2  [a-z]+ ", log);

        (string[] Arguments, string Says)[] refused =
        [
            (["fork", root, "x"], "\"x\" is not a whole number"),
            (["fork", root, "99"], "has committed steps 0 to"),
            (["fork", root, "1", "--id", "tree-fork"], "exists already"),
            (["fork", root, "0", "--id", "Bad Id"], "is not valid"),
            (["fork", root, "0", "--mode", "sideways"], "--mode must be one of"),
            (["fork", "no-such-story", "0"], "unknown story id \"no-such-story\""),
            (["fork", root], "fork needs <id> <step>"),
            (["rewind", root, "99"], "has committed steps 0 to"),
            (["rewind", "no-such-story", "1"], "unknown story id \"no-such-story\""),
            (["rewind", root], "rewind needs <id> <step>"),
            (["restore", root, "7"], "has no branch 7"),
            (["restore", root, "-1"], "is not a whole number"),
            (["log", "no-such-story"], "unknown story id \"no-such-story\""),
            (["log"], "log needs exactly one story id"),
        ];
        foreach ((string[] arguments, string says) in refused)
        {
            (int exit, _, string errors) = await RunWithOutputAsync(arguments);
            string command = string.Join(' ', arguments);
            Assert.True(exit == 2, $"rgpt {command}: exit {exit}, {errors}");
            Assert.Contains(says, errors, StringComparison.Ordinal);
            // One line says what was wrong (a command whose result is its output puts start-up notes on stderr too).
            Assert.Single(errors.Split('\n'), line => line.StartsWith("rgpt: ", StringComparison.Ordinal));
        }

        // None of that changed either story.
        Assert.Equal(0, await RunAsync("check", root));
        Assert.Equal(0, await RunAsync("check", "tree-fork"));
    }
}
