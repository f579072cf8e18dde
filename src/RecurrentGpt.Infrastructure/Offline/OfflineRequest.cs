using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Prompts;

namespace RecurrentGpt.Infrastructure.Offline;

/// <summary>
/// What the offline writer reads from a request: which output is asked for, in which language, at what lengths,
/// and the tagged material of the user message, exactly as the prompt builder wrote it.
/// </summary>
internal sealed partial class OfflineRequest
{
    private readonly Dictionary<string, string> _sections;

    private OfflineRequest(string purpose, bool chinese, string system, string user)
    {
        Purpose = purpose;
        Chinese = chinese;
        System = system;
        User = user;
        _sections = TaggedSection().Matches(user).ToDictionary(m => m.Groups["tag"].Value, m => m.Groups["body"].Value.Trim(), StringComparer.Ordinal);
        ParagraphUnits = Length(ChineseParagraph(), EnglishParagraph(), 200);
        PlanUnits = Length(ChinesePlan(), EnglishPlan(), 60);
        MemoryCapUnits = Length(ChineseMemory(), EnglishMemory(), 400);
        OpeningParagraphs = int.TryParse(OpeningCount().Match(system).Groups[1].Value, out int n) ? Math.Clamp(n, 1, 5) : 2;
        Seed = StableHash(user);
    }

    public string Purpose { get; }

    public bool Chinese { get; }

    public string System { get; }

    public string User { get; }

    public int ParagraphUnits { get; }

    public int PlanUnits { get; }

    public int MemoryCapUnits { get; }

    public int OpeningParagraphs { get; }

    /// <summary>Same material, same seed: the writer is deterministic for a given story and step.</summary>
    public uint Seed { get; }

    public bool RewritesMemory => System.Contains("\"memory_rationale\"", StringComparison.Ordinal);

    public bool Recommends => System.Contains("\"recommended_plan\"", StringComparison.Ordinal);

    public static OfflineRequest Read(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var list = messages.ToList();
        string system = list.FirstOrDefault(m => m.Role == ChatRole.System)?.Text ?? string.Empty;
        string user = list.FirstOrDefault(m => m.Role == ChatRole.User)?.Text ?? string.Empty;
        string purpose = (options?.ResponseFormat as ChatResponseFormatJson)?.SchemaName ?? string.Empty;
        return new OfflineRequest(purpose, TextMeasure.ContainsCjk(system), system, user);
    }

    public string Section(string tag) => _sections.TryGetValue(tag, out string? body) && !IsNothing(body) ? body : string.Empty;

    /// <summary>The numbered memory sentences of a step prompt ("[3] text" per line).</summary>
    public IReadOnlyList<string> NumberedMemory() =>
        Section(PromptTags.Memory).Split('\n')
            .Select(line => NumberedLine().Match(line))
            .Where(m => m.Success)
            .Select(m => m.Groups["text"].Value.Trim())
            .ToList();

    public IReadOnlyList<string> CandidatePlans() =>
        Section(PromptTags.Plans).Split('\n')
            .Select(line => PlanLine().Match(line))
            .Where(m => m.Success)
            .Select(m => m.Groups["text"].Value.Trim())
            .ToList();

    private static bool IsNothing(string body) => body is "(none yet)" or "（暂无）";

    private int Length(Regex chinese, Regex english, int fallback)
    {
        Match match = (Chinese ? chinese : english).Match(System);
        return match.Success && int.TryParse(match.Groups[1].Value, out int value) ? value : fallback;
    }

    private static uint StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }

    [GeneratedRegex(@"<(?<tag>[a-z_]+)>\n(?<body>.*?)\n</\k<tag>>", RegexOptions.Singleline)]
    private static partial Regex TaggedSection();

    [GeneratedRegex(@"^\[(?<n>\d+)\]\s*(?<text>.+)$")]
    private static partial Regex NumberedLine();

    [GeneratedRegex(@"^\d+\.\s*(?<text>.+)$")]
    private static partial Regex PlanLine();

    [GeneratedRegex(@"paragraph about (\d+) words")]
    private static partial Regex EnglishParagraph();

    [GeneratedRegex(@"each plan at most (\d+) words")]
    private static partial Regex EnglishPlan();

    [GeneratedRegex(@"memory at most (\d+) words")]
    private static partial Regex EnglishMemory();

    [GeneratedRegex(@"段落约(\d+)字")]
    private static partial Regex ChineseParagraph();

    [GeneratedRegex(@"每个计划不超过(\d+)字")]
    private static partial Regex ChinesePlan();

    [GeneratedRegex(@"记忆不超过(\d+)字")]
    private static partial Regex ChineseMemory();

    [GeneratedRegex(@"(?:exactly|恰好) (\d+) (?:opening paragraphs|个开篇段落)")]
    private static partial Regex OpeningCount();
}
