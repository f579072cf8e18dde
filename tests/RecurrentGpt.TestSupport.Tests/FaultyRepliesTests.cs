namespace RecurrentGpt.TestSupport.Tests;

/// <summary>The fault layer called as the server calls it: counting, concurrency and what it leaves alone.</summary>
public sealed class FaultyRepliesTests
{
    [Fact]
    public void Counts_add_up_to_the_answers_given_and_match_the_decisions()
    {
        FaultyReplies faults = FaultyReplies.Over(CannedAnswers.For, new FaultPlan(seed: 21, rate: 0.4));

        for (int n = 1; n <= 300; n++)
        {
            faults.Answer(Request(n, CannedAnswers.Step));
        }

        FaultCounts counts = faults.Counts;
        Assert.Equal(300, counts.Total);
        Assert.Equal(faults.Decisions.Count(d => d.IsClean), counts.Clean);
        Assert.All(counts.ByKind, pair => Assert.Equal(faults.Decisions.Count(d => d.Fault == pair.Key), pair.Value));
        Assert.Equal(counts.Faulted, counts.ByKind.Values.Sum());
        Assert.StartsWith($"300 answers: {counts.Clean} clean, {counts.Faulted} faulted (", counts.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Concurrent_answers_decide_as_sequential_ones_do_and_lose_no_count()
    {
        var plan = new FaultPlan(seed: 8, rate: 0.5);
        FaultyReplies sequential = FaultyReplies.Over(CannedAnswers.For, plan);
        FaultyReplies concurrent = FaultyReplies.Over(CannedAnswers.For, plan);
        for (int n = 1; n <= 400; n++)
        {
            sequential.Answer(Request(n, SchemaFor(n)));
        }

        Parallel.For(1, 401, new ParallelOptions { MaxDegreeOfParallelism = 8 }, n => concurrent.Answer(Request(n, SchemaFor(n))));

        Assert.Equal(sequential.Decisions, concurrent.Decisions);
        Assert.Equal(400, concurrent.Counts.Total);
    }

    [Fact]
    public void Rate_zero_gives_the_inner_answer_untouched()
    {
        ScriptedReply answer = ScriptedReply.Completion(CannedAnswers.Json(CannedAnswers.Step));
        FaultyReplies faults = FaultyReplies.Over(_ => answer, new FaultPlan(seed: 1, rate: 0));

        Assert.Same(answer, faults.Answer(Request(1, CannedAnswers.Step)));
        Assert.Equal((1, 0), (faults.Counts.Clean, faults.Counts.Faulted));
    }

    [Fact]
    public void Content_faults_leave_an_inner_error_reply_alone()
    {
        ScriptedReply down = ScriptedReply.Error(500, "the model is down");
        FaultyReplies faults = FaultyReplies.Over(_ => down, new FaultPlan(seed: 1, rate: 1) { Kinds = FaultKinds.Content });

        Assert.All(Enumerable.Range(1, 50), n => Assert.Same(down, faults.Answer(Request(n, CannedAnswers.Step))));
        Assert.Equal(50, faults.Counts.Clean);
    }

    [Fact]
    public void A_drop_fault_falls_on_step_answers_only()
    {
        var plan = new FaultPlan(seed: 4, rate: 1) { Kinds = new HashSet<FaultKind> { FaultKind.DuplicateDrops } };
        FaultyReplies faults = FaultyReplies.Over(CannedAnswers.For, plan);

        faults.Answer(Request(1, CannedAnswers.Opening));
        faults.Answer(Request(2, CannedAnswers.Step));
        faults.Answer(Request(3, CannedAnswers.PlanChoice));
        faults.Answer(Request(4, CannedAnswers.Compression));
        faults.Answer(Request(5, CannedAnswers.RewriteStep));

        Assert.Equal([null, FaultKind.DuplicateDrops, null, null, null], faults.Decisions.Select(d => d.Fault));
    }

    [Fact]
    public void Four_plans_falls_on_answers_that_carry_plans_only()
    {
        var plan = new FaultPlan(seed: 4, rate: 1) { Kinds = new HashSet<FaultKind> { FaultKind.FourPlans } };
        FaultyReplies faults = FaultyReplies.Over(CannedAnswers.For, plan);

        faults.Answer(Request(1, CannedAnswers.Opening));
        faults.Answer(Request(2, CannedAnswers.Step));
        faults.Answer(Request(3, CannedAnswers.PlanChoice));
        faults.Answer(Request(4, CannedAnswers.Compression));

        Assert.Equal([FaultKind.FourPlans, FaultKind.FourPlans, null, null], faults.Decisions.Select(d => d.Fault));
    }

    private static string SchemaFor(int n) => (n % 4) switch
    {
        0 => CannedAnswers.Opening,
        1 => CannedAnswers.Step,
        2 => CannedAnswers.PlanChoice,
        _ => CannedAnswers.Compression,
    };

    private static RecordedRequest Request(int number, string schemaName) => new(
        number,
        "POST",
        "/v1/chat/completions",
        string.Empty,
        new Dictionary<string, string>(),
        CannedAnswers.RequestBody(schemaName),
        DateTimeOffset.UnixEpoch,
        TimeSpan.Zero);
}
