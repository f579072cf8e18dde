using Microsoft.Extensions.AI;
using RecurrentGpt.Core.Retrieval;
using Xunit.Abstractions;

namespace RecurrentGpt.Infrastructure.Tests.Embeddings;

[Collection(MiniLmCollection.Name)]
public sealed class MiniLmRetrievalTests(MiniLmModel model, ITestOutputHelper output)
{
    private static readonly string[] Voyage =
    [
        "Captain Ilsa Varn signed on a new navigator in the harbour tavern, a quiet man named Tobin who claimed to know the reefs beyond the Salt Isles.",
        "A storm caught the Heron three days out. The mainmast cracked, two barrels of fresh water went overboard, and the crew bailed through the night.",
        "On the island of Keth the crew traded pepper and cloves for rope and lamp oil, haggling with fishermen who spoke no language Ilsa knew.",
        "Tobin was found in the hold at midnight, copying the captain's charts by candlelight, and he could not explain why he needed them.",
        "The ship's cook, old Maro, fell ill with a fever; the cabin boy nursed him with broth and songs until the fever broke on the fifth morning.",
        "At the edge of the known map they sighted the drowned lighthouse, its lamp still burning beneath the green water.",
    ];

    [Fact]
    public async Task A_paraphrase_ranks_above_an_unrelated_paragraph_by_a_clear_margin()
    {
        const string original = "At dusk Mara crossed the old stone bridge out of the city, her brother's letter folded inside her coat. "
            + "Behind her the granary was burning, and she did not turn around to watch it fall.";
        const string paraphrase = "When evening came, the young woman left town over the ancient bridge with her sibling's note hidden against her chest. "
            + "She never once looked back at the storehouse collapsing in flames.";
        const string unrelated = "In the orbital greenhouse two engineers argued about the failing water recycler "
            + "while the tomato vines wilted under the dimming grow lamps.";

        float[][] vectors = await EmbedAsync(original, paraphrase, unrelated);
        var index = new VectorIndex(vectors[0].Length);
        index.Upsert(1, vectors[1]);
        index.Upsert(2, vectors[2]);

        IReadOnlyList<VectorMatch> ranked = index.TopK(vectors[0], k: 2);

        string scores = $"paraphrase {Score(ranked, 1):F3}, unrelated {Score(ranked, 2):F3}";
        output.WriteLine(scores);
        Assert.True(ranked[0].ParagraphIndex == 1, $"The paraphrase should rank first; {scores}.");
        Assert.True(Score(ranked, 1) - Score(ranked, 2) >= 0.3f, $"The paraphrase should win by at least 0.3; {scores}.");
    }

    [Theory]
    [InlineData("Ilsa confronts Tobin about why he was secretly copying her charts down in the hold.", 3)]
    [InlineData("With the mast split and little drinking water left, the crew must ration supplies and patch the rigging.", 1)]
    [InlineData("The cook's illness returns and the boy must find medicine for him.", 4)]
    public async Task A_plan_about_one_event_recalls_that_paragraph_first(string plan, int expectedParagraph)
    {
        float[][] paragraphs = await EmbedAsync(Voyage);
        var index = new VectorIndex(paragraphs[0].Length);
        for (int paragraph = 0; paragraph < paragraphs.Length; paragraph++)
        {
            index.Upsert(paragraph, paragraphs[paragraph]);
        }

        float[] query = (await EmbedAsync(plan))[0];
        IReadOnlyList<VectorMatch> ranked = index.TopK(query, k: 3);

        string ranking = string.Join(", ", ranked.Select(match => $"#{match.ParagraphIndex} {match.Score:F3}"));
        output.WriteLine(ranking);
        Assert.True(ranked[0].ParagraphIndex == expectedParagraph, $"Expected paragraph #{expectedParagraph} first; got {ranking}.");
    }

    private static float Score(IReadOnlyList<VectorMatch> ranked, int paragraph) => ranked.Single(match => match.ParagraphIndex == paragraph).Score;

    private async Task<float[][]> EmbedAsync(params string[] texts)
    {
        GeneratedEmbeddings<Embedding<float>> embeddings = await model.Generator.GenerateAsync(texts);
        return embeddings.Select(embedding => embedding.Vector.ToArray()).ToArray();
    }
}
