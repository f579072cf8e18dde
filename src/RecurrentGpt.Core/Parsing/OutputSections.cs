namespace RecurrentGpt.Core.Parsing;

/// <summary>
/// The sections of every output kind: the JSON key (as in the published schema) and the marker labels
/// accepted in English and Chinese. Order matters: problems are reported in this order.
/// </summary>
internal static class OutputSections
{
    public static readonly SectionSpec Title = new("title", SectionKind.Text, ["title", "story title", "name", "标题", "书名", "题目"]) { EndsAtBlankLine = true };
    public static readonly SectionSpec Outline = new("outline", SectionKind.Text, ["outline", "story outline", "大纲", "故事大纲"]);
    public static readonly SectionSpec OpeningParagraphs = new("paragraphs", SectionKind.List, ["paragraph", "paragraphs", "opening paragraph", "opening", "段落", "开篇段落", "开头"]) { ItemName = "paragraph" };
    public static readonly SectionSpec Memory = new("memory", SectionKind.Text, ["memory", "short-term memory", "updated memory", "new memory", "短期记忆", "记忆", "更新后的记忆"]);
    public static readonly SectionSpec Plans = new("plans", SectionKind.List, ["plan", "plans", "next plan", "option", "计划", "方案", "下一步计划"]) { ItemName = "plan" };

    public static readonly SectionSpec Paragraph = new("paragraph", SectionKind.Text, ["paragraph", "next paragraph", "new paragraph", "段落", "正文", "下一段"]);
    public static readonly SectionSpec Summary = new("summary", SectionKind.Text, ["summary", "paragraph summary", "摘要", "段落摘要"]) { EndsAtBlankLine = true };
    public static readonly SectionSpec MemoryDrop = new("memory_drop", SectionKind.Drops, ["memory drop", "memory drops", "drop", "drops", "删除记忆", "记忆删除", "删除"]) { ItemName = "memory_drop item" };
    public static readonly SectionSpec MemoryAdd = new("memory_add", SectionKind.Additions, ["memory add", "memory additions", "memory addition", "add", "additions", "新增记忆", "记忆新增", "新增"]) { ItemName = "memory_add item" };
    public static readonly SectionSpec MemoryRationale = new("memory_rationale", SectionKind.Text, ["memory rationale", "rationale", "记忆调整理由", "调整理由"]) { EndsAtBlankLine = true };
    public static readonly SectionSpec RecommendedPlan = new("recommended_plan", SectionKind.Number, ["recommended plan", "recommended", "recommendation", "best plan", "推荐计划", "推荐"]) { EndsAtBlankLine = true };

    public static readonly SectionSpec ChosenPlan = new("chosen_plan", SectionKind.Number, ["chosen plan", "selected plan", "choice", "选择的计划", "所选计划", "选择"]) { EndsAtBlankLine = true };
    public static readonly SectionSpec Reason = new("reason", SectionKind.Text, ["reason", "理由", "原因"]) { EndsAtBlankLine = true };
    public static readonly SectionSpec RefinedPlan = new("refined_plan", SectionKind.Text, ["refined plan", "revised plan", "refined outline", "完善后的计划", "细化计划", "完善计划"]);

    public static readonly IReadOnlyList<SectionSpec> Opening = [Title, Outline, OpeningParagraphs, Memory, Plans];

    public static IReadOnlyList<SectionSpec> Step(bool rewriteMemory, bool recommend)
    {
        var specs = new List<SectionSpec> { Paragraph, Summary };
        specs.AddRange(rewriteMemory ? [MemoryRationale, Memory] : [MemoryDrop, MemoryAdd]);
        specs.Add(Plans);
        specs.Add(recommend ? RecommendedPlan : RecommendedPlan with { Required = false });
        return specs;
    }

    public static readonly IReadOnlyList<SectionSpec> PlanChoice = [ChosenPlan, Reason, RefinedPlan];

    public static readonly IReadOnlyList<SectionSpec> Compression = [Memory];
}
