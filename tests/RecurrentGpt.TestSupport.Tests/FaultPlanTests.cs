namespace RecurrentGpt.TestSupport.Tests;

/// <summary>The plan's decisions alone, without a server: a pure function of seed, request number and what fits.</summary>
public sealed class FaultPlanTests
{
    private static readonly IReadOnlySet<FaultKind> Everything = FaultKinds.All;

    [Fact]
    public void Same_seed_decides_the_same_fault_sequence()
    {
        var first = new FaultPlan(seed: 42, rate: 0.3);
        var second = new FaultPlan(seed: 42, rate: 0.3);

        Assert.Equal(Decisions(first, 500), Decisions(second, 500));
    }

    [Fact]
    public void Another_seed_decides_another_fault_sequence()
    {
        Assert.NotEqual(Decisions(new FaultPlan(seed: 42, rate: 0.3), 500), Decisions(new FaultPlan(seed: 43, rate: 0.3), 500));
    }

    [Fact]
    public void Decisions_do_not_depend_on_the_order_they_are_asked_in()
    {
        var plan = new FaultPlan(seed: 7, rate: 0.5);

        FaultKind?[] forwards = Decisions(plan, 200);
        FaultKind?[] backwards = Enumerable.Range(1, 200).Reverse().Select(n => plan.Decide(n, Everything)).Reverse().ToArray();

        Assert.Equal(forwards, backwards);
    }

    [Fact]
    public void Rate_zero_never_faults()
    {
        Assert.All(Decisions(new FaultPlan(seed: 3, rate: 0), 1000), Assert.Null);
    }

    [Fact]
    public void Rate_one_faults_every_request()
    {
        Assert.All(Decisions(new FaultPlan(seed: 3, rate: 1), 1000), decision => Assert.NotNull(decision));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(12345)]
    public void Observed_rate_over_a_thousand_requests_is_near_the_planned_rate(int seed)
    {
        int faulted = Decisions(new FaultPlan(seed, rate: 0.3), 1000).Count(decision => decision is not null);

        // Binomial(1000, 0.3) has a standard deviation of 14.5: this band is more than four of them each way.
        Assert.InRange(faulted, 240, 360);
    }

    [Fact]
    public void Every_enabled_kind_turns_up_and_no_other()
    {
        var plan = new FaultPlan(seed: 5, rate: 1) { Kinds = FaultKinds.Content };

        var seen = Decisions(plan, 1000).Select(decision => decision!.Value).ToHashSet();

        Assert.Equal(FaultKinds.Content.Order(), seen.Order());
    }

    [Fact]
    public void Weights_share_out_the_faults_and_a_zero_weight_is_never_picked()
    {
        var plan = new FaultPlan(seed: 9, rate: 1)
        {
            Kinds = new HashSet<FaultKind> { FaultKind.ServerError, FaultKind.FencedJson, FaultKind.EmptyContent },
            Weights = new Dictionary<FaultKind, double> { [FaultKind.ServerError] = 3, [FaultKind.EmptyContent] = 0 },
        };

        FaultKind?[] decisions = Decisions(plan, 2000);

        int serverErrors = decisions.Count(d => d == FaultKind.ServerError);
        Assert.InRange(serverErrors, 1400, 1600);
        Assert.Equal(2000 - serverErrors, decisions.Count(d => d == FaultKind.FencedJson));
    }

    [Fact]
    public void A_kind_that_does_not_fit_falls_back_to_one_that_does()
    {
        var plan = new FaultPlan(seed: 11, rate: 1) { Kinds = new HashSet<FaultKind> { FaultKind.DuplicateDrops, FaultKind.FencedJson } };
        FaultKind[] noDrops = [.. FaultKinds.Transport, FaultKind.FencedJson, FaultKind.TruncatedJson];

        Assert.All(Enumerable.Range(1, 100), n => Assert.Equal(FaultKind.FencedJson, plan.Decide(n, noDrops)));
    }

    [Fact]
    public void No_enabled_kind_that_fits_means_a_clean_answer()
    {
        var plan = new FaultPlan(seed: 11, rate: 1) { Kinds = new HashSet<FaultKind> { FaultKind.DuplicateDrops } };

        Assert.All(Enumerable.Range(1, 100), n => Assert.Null(plan.Decide(n, FaultKinds.Transport)));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Rate_outside_zero_to_one_is_refused(double rate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaultPlan(seed: 1, rate));
    }

    [Fact]
    public void Negative_weight_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaultPlan(1, 0.5) { Weights = new Dictionary<FaultKind, double> { [FaultKind.ServerError] = -1 } });
    }

    private static FaultKind?[] Decisions(FaultPlan plan, int count) =>
        Enumerable.Range(1, count).Select(n => plan.Decide(n, Everything)).ToArray();
}
