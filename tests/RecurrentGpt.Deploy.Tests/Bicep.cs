using System.Text.Json;
using System.Text.RegularExpressions;

namespace RecurrentGpt.Deploy.Tests;

/// <summary>
/// The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package, run once per test run over every file in infra/:
/// a build into a scratch folder and a lint, each with the diagnostics it printed.
/// </summary>
internal static partial class Bicep
{
    private const string Pattern = "infra/**/*.bicep";

    private static readonly Lazy<Compilation> Built = new(Build);

    private static readonly Lazy<(ToolRun Run, IReadOnlyList<Diagnostic> Diagnostics)> Linted = new(() =>
    {
        ToolRun run = ToolRun.Of(Repository.Bicep, "lint", "--pattern", Pattern);
        return (run, Diagnostics(run));
    });

    public static Compilation Compiled => Built.Value;

    public static (ToolRun Run, IReadOnlyList<Diagnostic> Diagnostics) Lint => Linted.Value;

    /// <summary>main.bicep as ARM JSON, modules inlined as nested deployments.</summary>
    public static JsonElement MainTemplate
    {
        get
        {
            string json = Compiled.JsonFor(Repository.MainBicep);
            return File.Exists(json)
                ? Repository.ReadJson(json)
                : throw new InvalidOperationException($"main.bicep did not compile, so there is nothing to check:\n{Compiled.Run.Printed}");
        }
    }

    private static Compilation Build()
    {
        string output = Path.Combine(Path.GetTempPath(), "rgpt-bicep-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(output, recursive: true);
        ToolRun run = ToolRun.Of(Repository.Bicep, "build", "--pattern", Pattern, "--outdir", output);
        return new Compilation(run, Diagnostics(run), output);
    }

    private static IReadOnlyList<Diagnostic> Diagnostics(ToolRun run) =>
        run.Printed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => DiagnosticLine().Match(line))
            .Where(match => match.Success)
            .Select(match => new Diagnostic(match.Groups["file"].Value, match.Groups["level"].Value, match.Groups["code"].Value, match.Value))
            .ToList();

    // e.g. /repo/infra/main.bicep(12,7) : Warning no-unused-params: Parameter "x" is declared but never used. [...]
    [GeneratedRegex(@"^(?<file>.+?\.bicep)\(\d+,\d+\) : (?<level>Error|Warning|Info) (?<code>[^:]+): .*$")]
    private static partial Regex DiagnosticLine();

    internal sealed record Diagnostic(string File, string Level, string Code, string Line)
    {
        public bool IsErrorOrWarning => Level is "Error" or "Warning";
    }

    internal sealed record Compilation(ToolRun Run, IReadOnlyList<Diagnostic> Diagnostics, string OutputFolder)
    {
        /// <summary>Where the build put the ARM JSON of one .bicep file (the folder layout under infra/ is kept).</summary>
        public string JsonFor(string bicepFile) =>
            Path.Combine(OutputFolder, Path.ChangeExtension(Path.GetRelativePath(Repository.Infra, bicepFile), ".json"));
    }
}
