using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;

namespace RecurrentGpt.Bench.Fork;

/// <summary>
/// A parent story standing at step k, written straight to storage: its state row, the snapshot a fork at k reads, and
/// every paragraph's blob and row (random unit vectors), so a fork's first step recalls over the whole prefix. Writing
/// k real steps through the workflow would make the benchmark slow without changing what a fork does.
/// </summary>
internal static class ParentSeed
{
    private const int OpeningParagraphs = 3;
    private const int Dimensions = 384;

    public static async Task<StoryState> WriteAsync(StoryStateStore states, ParagraphStore paragraphs, string id, int steps, CancellationToken cancellationToken)
    {
        int count = OpeningParagraphs + steps;
        var random = new Random(steps);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (index, token) =>
        {
            int step = Math.Max(0, index - OpeningParagraphs + 1);
            string text = $"Paragraph {index}: Elias walks the harbour wall for the {index}th night and counts the lamps that are lit.";
            await paragraphs.WriteAsync(id, new StoredParagraph(index, text, step, 1, ParagraphAuthor.Model), token);
            await states.UpsertParagraphAsync(id, new ParagraphEntry(
                index, StorageKeys.ParagraphBlob(id, index), UnitVector(random, index), 18, $"Paragraph {index}: Elias walks the harbour wall.", step, 1, ParagraphAuthor.Model), token);
        });

        DateTimeOffset now = DateTimeOffset.UtcNow;
        var state = new StoryState
        {
            StoryId = id,
            Premise = new Premise("mystery", "a lighthouse keeper named Elias Grey vanishes from a harbour town", null, StoryLanguage.English),
            Mode = StoryMode.Interactive,
            Status = StoryStatus.AwaitingChoice,
            TargetParagraphs = count + 100,
            Title = "The Long Watch",
            Outline = "Elias keeps the light while the town forgets him.",
            ShortTermMemory = $"Elias has kept the light for {steps} nights.",
            Plans = ["Elias climbs the tower.", "Mara brings the letter.", "The lamp goes out."],
            RecommendedPlan = 1,
            Step = steps,
            ParagraphCount = count,
            ModelId = "offline-writer",
            CreatedAt = now,
            UpdatedAt = now,
        };
        await states.CreateAsync(state, cancellationToken);
        await states.WriteSnapshotAsync(id, new MemorySnapshot(steps, state.Outline, state.ShortTermMemory, state.Plans, state.RecommendedPlan, count), cancellationToken);
        return state;
    }

    private static float[] UnitVector(Random random, int index)
    {
        lock (random)
        {
            var vector = new float[Dimensions];
            double norm = 0;
            for (int i = 0; i < Dimensions; i++)
            {
                vector[i] = (float)(random.NextDouble() - 0.5);
                norm += vector[i] * vector[i];
            }

            float scale = (float)(1 / Math.Sqrt(norm));
            for (int i = 0; i < Dimensions; i++)
            {
                vector[i] *= scale;
            }

            return vector;
        }
    }
}
