using System.Text.Json;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Local.Tests.Soak;

/// <summary>What one soak run did and found, as docs/RELIABILITY.md reports it: printed, and kept under artifacts/soak.</summary>
internal sealed record SoakReport(
    int Seed,
    int Stories,
    int Kills,
    int AzuriteRestarts,
    int ModelRequests,
    IReadOnlyDictionary<string, int> FaultsByKind,
    int CleanAnswers,
    int UnrecordedRequests,
    int Repairs,
    int Normalisations,
    int NeedsAttentionRounds,
    int Paragraphs,
    int LostOrDuplicatedParagraphs,
    int AuditFindings,
    double Minutes)
{
    public static IReadOnlyDictionary<string, int> ByKind(FaultCounts counts) =>
        counts.ByKind.Where(pair => pair.Value > 0).ToDictionary(pair => pair.Key.ToString(), pair => pair.Value);

    public string Save()
    {
        string folder = Path.Combine(RepositoryRoot(), "artifacts", "soak");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, $"soak-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-seed{Seed}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RecurrentGpt.Functions.sln")))
            {
                return folder.FullName;
            }
        }

        return Path.GetTempPath();
    }
}
