using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Prompts;

namespace RecurrentGpt.Infrastructure.Offline;

/// <summary>Builds each kind of reply the recurrence asks for, as the JSON a model would send.</summary>
internal static class OfflineReplies
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string For(OfflineRequest request) => request.Purpose switch
    {
        OutputSchemas.OpeningName => Opening(request),
        OutputSchemas.StepName => Step(request),
        OutputSchemas.PlanChoiceName => PlanChoice(request),
        OutputSchemas.CompressionName => Compression(request),
        _ => throw new NotSupportedException($"The offline writer does not know the output \"{request.Purpose}\"; it writes only the recurrence's own calls."),
    };

    private static string Opening(OfflineRequest request)
    {
        string premise = request.Section(PromptTags.Premise);
        var cast = new OfflineCast(premise, request.Chinese, request.Seed);
        var prose = new OfflineProse(request.Chinese, request.Seed, cast);
        string topic = premise.Split('\n').Skip(1).FirstOrDefault()?.Split([':', '：'], 2).ElementAtOrDefault(1)?.Trim() ?? premise;
        string title = request.Chinese ? $"{prose.Place}与{ChineseNoun(prose.Thing)}" : $"{Title(prose.Thing)} at {Title(prose.Place)}";
        string outline = request.Chinese
            ? $"{cast.Lead}卷入了一件与{topic}有关的事。{cast.Lead}想查清{prose.Thing}的来历，{cast.Second}却另有打算。{cast.Third}掌握着关键的线索。冲突在{prose.Place}爆发。最后，{cast.Lead}必须在真相和身边的人之间做出选择。"
            : $"{cast.Lead} is drawn into a matter of {Trim(topic)}. {OfflineCast.Short(cast.Lead)} wants to learn where {prose.Thing} came from, while {cast.Second} has plans of their own. {cast.Third} holds the missing clue. The conflict breaks open at {prose.Place}. In the end {OfflineCast.Short(cast.Lead)} must choose between the truth and the people close to them.";
        var paragraphs = new List<string>();
        for (int i = 0; i < request.OpeningParagraphs; i++)
        {
            string lead = i == 0
                ? (request.Chinese ? $"这个故事从{topic}开始。" : $"It began with {Trim(topic)}.")
                : string.Empty;
            paragraphs.Add(prose.Paragraph(lead, request.ParagraphUnits));
        }

        List<string> memory = prose.Facts(request.MemoryCapUnits * 85 / 100);
        return Serialize(new Dictionary<string, object>
        {
            ["title"] = title,
            ["outline"] = outline,
            ["paragraphs"] = paragraphs,
            ["memory"] = Join(memory, request.Chinese),
            ["plans"] = Plans(prose, request, cast),
        });
    }

    private static string Step(OfflineRequest request)
    {
        string plan = request.Section(PromptTags.Plan);
        // Edit mode numbers the memory's sentences; rewrite mode shows it as plain text.
        IReadOnlyList<string> memory = request.RewritesMemory ? SentenceSplitter.Split(request.Section(PromptTags.Memory)) : request.NumberedMemory();
        string material = string.Join("\n", plan, request.Section(PromptTags.Memory), request.Section(PromptTags.Story));
        var cast = new OfflineCast(material, request.Chinese, request.Seed);
        var prose = new OfflineProse(request.Chinese, request.Seed, cast);

        // The plan opens the paragraph and a recalled paragraph is echoed in it, so what went in can be seen coming out.
        string planClause = prose.Clause(plan, 30);
        string lead = request.Chinese ? $"接下来发生的事早已注定：{planClause}。" : $"What came next had been coming for a while: {planClause}.";
        string related = request.Section(PromptTags.Related);
        string paragraph = prose.Paragraph(lead, request.ParagraphUnits);
        if (related.Length > 0)
        {
            string echo = prose.Clause(related[(related.IndexOf(']', StringComparison.Ordinal) + 1)..], 18);
            var text = new StringBuilder(paragraph);
            prose.Append(text, request.Chinese ? $"这让人想起从前的事：{echo}。" : $"It was not the first time; before, {echo}.");
            paragraph = text.ToString();
        }

        string who = OfflineCast.Short(cast.Lead);
        string summary = request.Chinese ? $"{who}在{prose.Place}：{prose.Clause(plan, 20)}。" : $"At {prose.Place}: {prose.Clause(plan, 14)}.";
        var additions = new List<(string Text, string Reason)>
        {
            (summary, request.Chinese ? "这是刚发生的事" : "it just happened"),
            (request.Chinese ? $"{who}现在手里有{prose.Thing}，并且知道{cast.Second}在隐瞒什么。" : $"{who} now holds {prose.Thing} and knows that {OfflineCast.Short(cast.Second)} is hiding something.",
             request.Chinese ? "后面的段落会用到" : "the next paragraphs depend on it"),
        };

        var values = new Dictionary<string, object>
        {
            ["paragraph"] = paragraph,
            ["summary"] = summary,
        };
        int addedUnits = additions.Sum(a => TextMeasure.CountUnits(a.Text));
        List<int> drops = OldestToDrop(memory, addedUnits, request.MemoryCapUnits);
        if (request.RewritesMemory)
        {
            var kept = memory.Where((_, i) => !drops.Contains(i + 1)).Concat(additions.Select(a => a.Text));
            values["memory_rationale"] = request.Chinese
                ? $"删去了{drops.Count}条最旧的记忆，加入了刚发生的事。"
                : $"Dropped the {drops.Count} oldest sentences and added what just happened.";
            values["memory"] = Join(kept.ToList(), request.Chinese);
        }
        else
        {
            values["memory_drop"] = drops.Select(n => new Dictionary<string, object>
            {
                ["sentence"] = n,
                ["reason"] = request.Chinese ? "已被后来的事件取代" : "superseded by later events",
            }).ToList();
            values["memory_add"] = additions.Select(a => new Dictionary<string, object> { ["text"] = a.Text, ["reason"] = a.Reason }).ToList();
        }

        values["plans"] = Plans(prose, request, cast);
        if (request.Recommends)
        {
            values["recommended_plan"] = 1 + prose.Next(3);
        }

        return Serialize(values);
    }

    private static string PlanChoice(OfflineRequest request)
    {
        IReadOnlyList<string> plans = request.CandidatePlans();
        var cast = new OfflineCast(string.Join("\n", plans) + "\n" + request.Section(PromptTags.Memory), request.Chinese, request.Seed);
        var prose = new OfflineProse(request.Chinese, request.Seed, cast);
        int chosen = plans.Count == 0 ? 1 : 1 + prose.Next(plans.Count);
        string plan = plans.Count == 0 ? string.Empty : plans[chosen - 1];
        string detail = request.Chinese
            ? $"让{OfflineCast.Short(cast.Second)}在结尾说出一句改变局面的话。"
            : $"End on a line from {OfflineCast.Short(cast.Second)} that changes the stakes.";
        string refined = TextMeasure.TakeUnits(plan + (request.Chinese ? string.Empty : " ") + detail, request.PlanUnits);
        return Serialize(new Dictionary<string, object>
        {
            ["chosen_plan"] = chosen,
            ["reason"] = request.Chinese ? "这个计划推进了主线冲突，又与记忆一致。" : "It moves the main conflict forward and fits the memory.",
            ["refined_plan"] = refined,
        });
    }

    private static string Compression(OfflineRequest request)
    {
        // Keeps the newest sentences that fit in four fifths of the cap: the recent past matters most to the next step.
        IReadOnlyList<string> sentences = SentenceSplitter.Split(request.Section(PromptTags.Memory));
        var kept = new List<string>();
        int units = 0;
        foreach (string sentence in sentences.Reverse())
        {
            int size = TextMeasure.CountUnits(sentence);
            if (units + size > request.MemoryCapUnits * 8 / 10)
            {
                break;
            }

            kept.Insert(0, sentence);
            units += size;
        }

        return Serialize(new Dictionary<string, object> { ["memory"] = Join(kept, request.Chinese) });
    }

    private static List<string> Plans(OfflineProse prose, OfflineRequest request, OfflineCast cast)
    {
        string a = OfflineCast.Short(cast.Lead), b = OfflineCast.Short(cast.Second), c = OfflineCast.Short(cast.Third);
        string[] openings = request.Chinese
            ?
            [
                $"{a}跟着{b}去{prose.Fill("{P2}")}，那里藏着{prose.Thing}的另一半线索。",
                $"{c}突然出现，要求{a}交出{prose.Thing}，否则就把一切告诉{b}。",
                $"{a}独自回到{prose.Place}，在墙上发现了一行新写的字。",
            ]
            :
            [
                $"{a} follows {b} to {prose.Fill("{P2}")}, where the other half of the clue to {prose.Thing} is hidden.",
                $"{c} turns up without warning and demands {prose.Thing}, or else {b} will hear everything.",
                $"{a} goes back alone to {prose.Place} and finds a line of fresh writing on the wall.",
            ];
        string[] extensions = request.Chinese
            ?
            [
                $"{a}必须在天亮前决定是否相信{b}。",
                "这个选择会暴露一个一直被隐瞒的秘密。",
                $"{c}的出现让局面变得更加危险。",
                "代价比任何人预想的都要高。",
            ]
            :
            [
                $"{a} has to decide before dawn whether to trust {b}.",
                "The choice exposes a secret someone has kept for years.",
                $"{c}'s presence makes every option more dangerous.",
                "The price turns out higher than anyone expected.",
            ];
        var plans = new List<string>();
        foreach (string opening in openings)
        {
            var plan = new StringBuilder(opening);
            int target = request.PlanUnits * 3 / 4;
            for (int i = prose.Next(extensions.Length); TextMeasure.CountUnits(plan.ToString()) < target && plan.Length < 2000; i++)
            {
                prose.Append(plan, extensions[i % extensions.Length]);
            }

            plans.Add(TextMeasure.TakeUnits(plan.ToString(), request.PlanUnits));
        }

        return plans;
    }

    /// <summary>The oldest sentences to drop (never the first, which anchors the cast) so additions fit in 85 % of the cap.</summary>
    private static List<int> OldestToDrop(IReadOnlyList<string> memory, int addedUnits, int capUnits)
    {
        int units = memory.Sum(TextMeasure.CountUnits) + addedUnits;
        var drops = new List<int>();
        for (int n = 2; n <= memory.Count && units > capUnits * 85 / 100; n++)
        {
            drops.Add(n);
            units -= TextMeasure.CountUnits(memory[n - 1]);
        }

        return drops;
    }

    private static string Join(IReadOnlyList<string> sentences, bool chinese) => string.Join(chinese ? string.Empty : " ", sentences);

    private static string Title(string phrase)
    {
        string bare = phrase.StartsWith("the ", StringComparison.Ordinal) ? phrase[4..] : phrase;
        return "The " + string.Join(' ', bare.Split(' ').Select(w => w.Length > 3 ? char.ToUpperInvariant(w[0]) + w[1..] : w));
    }

    // "那把铜钥匙" → "铜钥匙": a title names the thing without the demonstrative and its measure word.
    private static string ChineseNoun(string phrase) => phrase.StartsWith('那') && phrase.Length > 2 ? phrase[2..] : phrase;

    private static string Trim(string topic) => topic.Trim().TrimEnd('.', '。');

    private static string Serialize(Dictionary<string, object> values) => JsonSerializer.Serialize(values, Json);
}
