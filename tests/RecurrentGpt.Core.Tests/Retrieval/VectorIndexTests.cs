using RecurrentGpt.Core.Retrieval;

namespace RecurrentGpt.Core.Tests.Retrieval;

public sealed class VectorIndexTests
{
    private const int Dimensions = 16;

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 50)]
    [InlineData(5, 1000)]
    [InlineData(20, 300)]
    public void Top_k_equals_a_brute_force_cosine_ranking(int k, int count)
    {
        var random = new Random(20240917 + count);
        var vectors = Enumerable.Range(0, count).Select(_ => RandomVector(random)).ToArray();
        var index = new VectorIndex(Dimensions);
        for (int paragraph = 0; paragraph < count; paragraph++)
        {
            index.Upsert(paragraph, vectors[paragraph]);
        }

        for (int query = 0; query < 20; query++)
        {
            float[] probe = RandomVector(random);
            var expected = Enumerable.Range(0, count)
                .Select(paragraph => (Paragraph: paragraph, Score: Cosine(probe, vectors[paragraph])))
                .OrderByDescending(match => match.Score)
                .ThenByDescending(match => match.Paragraph)
                .Take(k)
                .ToArray();

            IReadOnlyList<VectorMatch> actual = index.TopK(probe, k);

            Assert.Equal(expected.Select(match => match.Paragraph), actual.Select(match => match.ParagraphIndex));
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i].Score, actual[i].Score, 4);
            }
        }
    }

    [Fact]
    public void The_excluded_paragraph_never_appears()
    {
        var random = new Random(7);
        var index = new VectorIndex(Dimensions);
        float[][] vectors = Enumerable.Range(0, 30).Select(_ => RandomVector(random)).ToArray();
        for (int paragraph = 0; paragraph < vectors.Length; paragraph++)
        {
            index.Upsert(paragraph, vectors[paragraph]);
        }

        for (int excluded = 0; excluded < vectors.Length; excluded++)
        {
            // Querying with the excluded paragraph's own vector: it would otherwise be the best match.
            IReadOnlyList<VectorMatch> matches = index.TopK(vectors[excluded], k: 5, excludedParagraph: excluded);

            Assert.Equal(5, matches.Count);
            Assert.DoesNotContain(matches, match => match.ParagraphIndex == excluded);
        }
    }

    [Fact]
    public void Equal_scores_go_to_the_more_recent_paragraph()
    {
        var index = new VectorIndex(3);
        index.Upsert(5, [1, 0, 0]);
        index.Upsert(2, [2, 0, 0]);
        index.Upsert(9, [0.5f, 0, 0]);
        index.Upsert(1, [0, 1, 0]);

        IReadOnlyList<VectorMatch> matches = index.TopK([1, 0, 0], k: 3);

        Assert.Equal([9, 5, 2], matches.Select(match => match.ParagraphIndex));
        Assert.All(matches, match => Assert.Equal(1f, match.Score, 5));
    }

    [Fact]
    public void Upsert_replaces_an_edited_paragraph_without_growing()
    {
        var index = new VectorIndex(3);
        index.Upsert(0, [1, 0, 0]);
        index.Upsert(1, [0, 1, 0]);

        index.Upsert(0, [0, 0, 1]);

        Assert.Equal(2, index.Count);
        VectorMatch best = index.TopK([0, 0, 1], k: 1).Single();
        Assert.Equal(0, best.ParagraphIndex);
        Assert.Equal(1f, best.Score, 5);
        Assert.Equal(0f, index.TopK([1, 0, 0], k: 2).Single(match => match.ParagraphIndex == 0).Score, 5);
    }

    [Fact]
    public void Growing_past_the_initial_capacity_keeps_every_vector()
    {
        var index = new VectorIndex(2, capacity: 1);
        for (int paragraph = 0; paragraph < 100; paragraph++)
        {
            index.Upsert(paragraph, [MathF.Cos(paragraph), MathF.Sin(paragraph)]);
        }

        Assert.Equal(100, index.Count);
        Assert.Equal(42, index.TopK([MathF.Cos(42), MathF.Sin(42)], k: 1).Single().ParagraphIndex);
    }

    [Fact]
    public void K_larger_than_count_returns_every_other_paragraph()
    {
        var index = new VectorIndex(3);
        index.Upsert(0, [1, 0, 0]);
        index.Upsert(1, [0, 1, 0]);
        index.Upsert(2, [1, 1, 0]);

        Assert.Equal([2, 0, 1], index.TopK([1, 0.5f, 0], k: 10).Select(match => match.ParagraphIndex));
        Assert.Equal([2, 0], index.TopK([1, 0.5f, 0], k: 10, excludedParagraph: 1).Select(match => match.ParagraphIndex));
    }

    [Fact]
    public void Nothing_comes_back_from_an_empty_index_or_for_k_zero()
    {
        var index = new VectorIndex(3);
        Assert.Empty(index.TopK([1, 0, 0], k: 3));

        index.Upsert(0, [1, 0, 0]);
        Assert.Empty(index.TopK([1, 0, 0], k: 0));
        Assert.Empty(index.TopK([1, 0, 0], k: 1, excludedParagraph: 0));
    }

    [Fact]
    public void A_zero_vector_scores_zero_and_does_not_poison_the_ranking()
    {
        var index = new VectorIndex(3);
        index.Upsert(0, [0, 0, 0]);
        index.Upsert(1, [1, 0, 0]);
        index.Upsert(2, [-1, 0, 0]);

        IReadOnlyList<VectorMatch> matches = index.TopK([1, 0, 0], k: 3);

        Assert.Equal([1, 0, 2], matches.Select(match => match.ParagraphIndex));
        Assert.Equal([1f, 0f, -1f], matches.Select(match => match.Score));
    }

    [Fact]
    public void A_zero_query_scores_everything_zero_and_prefers_recent_paragraphs()
    {
        var index = new VectorIndex(3);
        index.Upsert(0, [1, 0, 0]);
        index.Upsert(1, [0, 1, 0]);
        index.Upsert(2, [0, 0, 1]);

        IReadOnlyList<VectorMatch> matches = index.TopK([0, 0, 0], k: 2);

        Assert.Equal([2, 1], matches.Select(match => match.ParagraphIndex));
        Assert.All(matches, match => Assert.Equal(0f, match.Score));
        Assert.All(matches, match => Assert.False(float.IsNaN(match.Score)));
    }

    [Fact]
    public void A_vector_of_the_wrong_dimension_throws()
    {
        var index = new VectorIndex(3);
        index.Upsert(0, [1, 0, 0]);

        Assert.Throws<ArgumentException>(() => index.Upsert(1, [1, 0]));
        Assert.Throws<ArgumentException>(() => index.TopK([1, 0, 0, 0], k: 1));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Dimensions_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new VectorIndex(0));
    }

    private static float[] RandomVector(Random random)
    {
        var vector = new float[Dimensions];
        for (int i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return vector;
    }

    private static double Cosine(float[] left, float[] right)
    {
        double dot = 0, leftNorm = 0, rightNorm = 0;
        for (int i = 0; i < left.Length; i++)
        {
            dot += (double)left[i] * right[i];
            leftNorm += (double)left[i] * left[i];
            rightNorm += (double)right[i] * right[i];
        }

        return dot / Math.Sqrt(leftNorm * rightNorm);
    }
}
