using System.Diagnostics;

namespace RecurrentGpt.Local.Runtime.Azurite;

/// <summary>
/// Azurite as an npm package in a tools folder of the project's own (<c>.tools/azurite</c> at the repository root),
/// installed on first use. The version is pinned: 3.36 and later need Node 21+.
/// </summary>
public sealed class AzuriteInstallation(string toolsFolder)
{
    public const string Package = "azurite@3.35.0";
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    public string ToolsFolder { get; } = Path.GetFullPath(toolsFolder);

    public string EntryPoint => Path.Combine(ToolsFolder, "node_modules", "azurite", "dist", "src", "azurite.js");

    public bool IsInstalled => File.Exists(EntryPoint);

    /// <summary>The tools folder: <c>RGPT_TOOLS</c> if set, else <c>.tools/azurite</c> under the repository root found above the program, else under the home folder.</summary>
    public static AzuriteInstallation Default()
    {
        string? configured = Environment.GetEnvironmentVariable("RGPT_TOOLS");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new AzuriteInstallation(Path.Combine(configured, "azurite"));
        }

        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RecurrentGpt.Functions.sln")))
            {
                return new AzuriteInstallation(Path.Combine(folder.FullName, ".tools", "azurite"));
            }
        }

        return new AzuriteInstallation(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".rgpt", "tools", "azurite"));
    }

    /// <summary>Installs Azurite with npm when it is missing; throws <see cref="AzuriteUnavailableException"/> with the reason when it cannot.</summary>
    public async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        if (IsInstalled)
        {
            return;
        }

        Directory.CreateDirectory(ToolsFolder);
        (int exitCode, string output) = await RunAsync("npm", ["install", "--prefix", ToolsFolder, Package, "--no-audit", "--no-fund", "--loglevel=error"], cancellationToken);
        if (exitCode != 0 || !IsInstalled)
        {
            string last = output.Trim().Split('\n').LastOrDefault() ?? string.Empty;
            throw new AzuriteUnavailableException($"could not install {Package} into {ToolsFolder} with npm (exit {exitCode}): {last}");
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new AzuriteUnavailableException($"could not start {program}");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new AzuriteUnavailableException($"{program} is not installed or not on PATH ({ex.Message}); Azurite needs Node.js 20 and npm");
        }

        using (process)
        {
            Task<string> stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(InstallTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new AzuriteUnavailableException($"{program} did not finish within {InstallTimeout.TotalMinutes} minutes");
            }

            return (process.ExitCode, await stdout + await stderr);
        }
    }
}
