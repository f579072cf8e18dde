namespace RecurrentGpt.Deploy.Tests;

/// <summary>infra/ compiles and lints clean with the Bicep CLI from NuGet: no error, no warning, in any file.</summary>
public class BicepTests
{
    [Fact]
    public void The_bicep_cli_is_the_one_restored_from_nuget()
    {
        Assert.True(File.Exists(Repository.Bicep), $"no bicep at {Repository.Bicep}: restore the tests (the Azure.Bicep.CommandLine.linux-x64 package)");
        ToolRun version = ToolRun.Of(Repository.Bicep, "--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Contains("Bicep CLI version 0.49.2", version.Printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bicep_file_builds_with_no_errors_and_no_warnings()
    {
        Bicep.Compilation compiled = Bicep.Compiled;

        Assert.True(compiled.Run.ExitCode == 0, $"bicep build failed:\n{compiled.Run.Printed}");
        Assert.Empty(compiled.Diagnostics.Where(d => d.IsErrorOrWarning).Select(d => d.Line));
        Assert.NotEmpty(Repository.BicepFiles());
        foreach (string file in Repository.BicepFiles())
        {
            Assert.True(File.Exists(compiled.JsonFor(file)), $"{Repository.Relative(file)} was not compiled");
        }
    }

    [Fact]
    public void Every_bicep_file_lints_with_no_errors_and_no_warnings()
    {
        (ToolRun run, IReadOnlyList<Bicep.Diagnostic> diagnostics) = Bicep.Lint;

        Assert.Empty(diagnostics.Where(d => d.IsErrorOrWarning).Select(d => d.Line));
        Assert.True(run.ExitCode == 0, $"bicep lint failed:\n{run.Printed}");
    }

    [Fact]
    public void No_bicep_file_silences_a_diagnostic()
    {
        var silenced = Repository.BicepFiles()
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (File: file, Line: line, Number: index + 1)))
            .Where(found => found.Line.Contains("#disable-", StringComparison.Ordinal))
            .Select(found => $"{Repository.Relative(found.File)}:{found.Number}: {found.Line.Trim()}");

        Assert.Empty(silenced);
    }

    [Fact]
    public void The_linter_configuration_turns_on_every_rule_it_names_except_the_two_that_need_a_network_or_a_date()
    {
        // use-recent-api-versions compares with today's date and use-recent-module-versions asks a registry: either would
        // make a clean tree fail later, or offline. Every other rule the configuration names is raised to error.
        string[] offByChoice = ["use-recent-api-versions", "use-recent-module-versions"];
        var rules = Repository.ReadJson(Path.Combine(Repository.Infra, "bicepconfig.json"))
            .GetProperty("analyzers").GetProperty("core").GetProperty("rules").EnumerateObject().ToList();

        Assert.NotEmpty(rules);
        foreach (var rule in rules.Where(r => !offByChoice.Contains(r.Name)))
        {
            Assert.True(rule.Value.GetProperty("level").GetString() == "error", $"bicepconfig.json: {rule.Name} should be an error");
        }
    }
}
