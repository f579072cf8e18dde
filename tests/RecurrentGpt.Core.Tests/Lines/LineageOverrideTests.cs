using RecurrentGpt.Core.Lines;

namespace RecurrentGpt.Core.Tests.Lines;

/// <summary>A fork's lineage: the parent's lines cut at the fork, its own after, and overrides read in place of what they replace.</summary>
public class LineageOverrideTests
{
    // Root "a" wrote paragraphs 0–9; fork "b" took 0–5 and wrote 6 on; fork "c" took 0–7 of b and wrote 8 on.
    private static readonly Lineage Child = Lineage.Root("a").ContinuedAfter(3, 6, LineRef.Root("b"));
    private static readonly Lineage Grandchild = Child.ContinuedAfter(5, 8, LineRef.Root("c"));

    [Fact]
    public void A_fork_reads_the_shared_prefix_from_its_parent_and_the_rest_from_its_own_line()
    {
        Assert.Equal(
            [new LineRange(LineRef.Root("a"), 0, 6), new LineRange(LineRef.Root("b"), 6, 8), new LineRange(LineRef.Root("c"), 8, 10)],
            Grandchild.Ranges(10));
        Assert.Equal(LineRef.Root("a"), Grandchild.OwnerOfStep(3));
        Assert.Equal(LineRef.Root("b"), Grandchild.OwnerOfStep(4));
    }

    [Fact]
    public void An_override_is_read_in_place_of_the_paragraph_it_replaces_and_cut_out_of_its_range()
    {
        Lineage read = Grandchild.WithOverrides([(new ParagraphOverride(LineRef.Root("a"), 2), "b")]);

        Assert.Equal(LineRef.Overrides("b"), read.OwnerOfParagraph(2));
        Assert.Equal(LineRef.Root("a"), read.BaseOwnerOfParagraph(2));
        Assert.Equal(
            [
                new LineRange(LineRef.Root("a"), 0, 2), new LineRange(LineRef.Overrides("b"), 2, 3), new LineRange(LineRef.Root("a"), 3, 6),
                new LineRange(LineRef.Root("b"), 6, 8), new LineRange(LineRef.Root("c"), 8, 9),
            ],
            read.Ranges(9));
    }

    [Fact]
    public void The_nearest_override_wins_and_one_for_another_line_does_not_apply()
    {
        Lineage read = Grandchild.WithOverrides(
        [
            (new ParagraphOverride(LineRef.Root("a"), 1), "c"),
            (new ParagraphOverride(LineRef.Root("a"), 1), "b"),

            // b's override of paragraph 7, which c reads from b's own line: not an override of what c reads.
            (new ParagraphOverride(LineRef.Root("a"), 7), "b"),
            (new ParagraphOverride(LineRef.Root("a"), 0), "b"),
        ]);

        Assert.Equal(LineRef.Overrides("c"), read.OwnerOfParagraph(1));
        Assert.Equal(LineRef.Overrides("b"), read.OwnerOfParagraph(0));
        Assert.Equal(LineRef.Root("b"), read.OwnerOfParagraph(7));
        Assert.Equal(2, read.Overrides.Count);
    }

    [Fact]
    public void No_override_that_applies_leaves_the_lineage_as_it_is()
    {
        Assert.Same(Child, Child.WithOverrides([]));
        Assert.Same(Child, Child.WithOverrides([(new ParagraphOverride(LineRef.Root("z"), 1), "b")]));
    }
}
