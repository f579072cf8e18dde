using System.Text.RegularExpressions;

namespace RecurrentGpt.Deploy.Tests;

/// <summary>The GitHub Actions workflows: schema-valid, actions pinned to commits, permissions stated.</summary>
public partial class WorkflowTests
{
    public static TheoryData<string> Workflows() => new(Repository.WorkflowFiles().Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Workflow_passes_action_validator(string workflow)
    {
        Assert.True(File.Exists(Repository.ActionValidator),
            $"@action-validator/cli is not installed at {Repository.ActionValidator}: ./test.sh installs it");

        ToolRun run = ToolRun.Of("node", Repository.ActionValidator, Path.Combine(Repository.Workflows, workflow));

        Assert.True(run.ExitCode == 0, $"action-validator rejects {workflow}:\n{run.Printed}");
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Workflow_pins_every_action_to_a_full_commit_sha(string workflow)
    {
        var uses = UsesLine().Matches(File.ReadAllText(Path.Combine(Repository.Workflows, workflow))).Select(m => m.Groups["action"].Value).ToList();

        Assert.NotEmpty(uses);
        foreach (string action in uses.Where(a => !a.StartsWith("./", StringComparison.Ordinal)))
        {
            // A tag or branch can be moved to other code; a commit cannot.
            Assert.True(PinnedAction().IsMatch(action), $"{workflow}: '{action}' is not pinned to a 40-character commit SHA");
        }
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Workflow_sets_token_permissions_at_the_top_and_never_all_at_once(string workflow)
    {
        string text = File.ReadAllText(Path.Combine(Repository.Workflows, workflow));

        // Without a top-level block the token gets the repository's default, which may be read-write on everything.
        Assert.Matches(TopLevelPermissions(), text);
        Assert.DoesNotMatch(BroadPermission(), text);
    }

    [GeneratedRegex(@"^\s*(?:-\s+)?uses:\s*(?<action>[^\s#]+)", RegexOptions.Multiline)]
    private static partial Regex UsesLine();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")]
    private static partial Regex PinnedAction();

    [GeneratedRegex(@"^permissions:", RegexOptions.Multiline)]
    private static partial Regex TopLevelPermissions();

    [GeneratedRegex(@"permissions:\s*(write-all|read-all)", RegexOptions.Multiline)]
    private static partial Regex BroadPermission();
}
