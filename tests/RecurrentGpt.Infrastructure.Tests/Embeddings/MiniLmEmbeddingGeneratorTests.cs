using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using RecurrentGpt.Infrastructure.Embeddings;

namespace RecurrentGpt.Infrastructure.Tests.Embeddings;

[Collection(MiniLmCollection.Name)]
public sealed class MiniLmEmbeddingGeneratorTests(MiniLmModel model)
{
    private static readonly string[] Sentences =
    [
        "The lighthouse keeper counted the ships.",
        "A fox crossed the frozen river at dawn.",
        "Her letter arrived three weeks too late.",
        "The council voted to close the mines.",
        "Rain drummed on the tin roof all night.",
    ];

    [Fact]
    public void Metadata_names_the_local_provider_and_384_dimensions()
    {
        var metadata = (EmbeddingGeneratorMetadata?)model.Generator.GetService(typeof(EmbeddingGeneratorMetadata));

        Assert.NotNull(metadata);
        Assert.Equal("minilm-local", metadata.ProviderName);
        Assert.Equal(384, metadata.DefaultModelDimensions);
    }

    [Fact]
    public async Task Each_input_gets_one_unit_length_384_dimension_vector()
    {
        GeneratedEmbeddings<Embedding<float>> embeddings = await model.Generator.GenerateAsync(Sentences);

        Assert.Equal(Sentences.Length, embeddings.Count);
        Assert.All(embeddings, embedding =>
        {
            Assert.Equal(384, embedding.Vector.Length);
            Assert.Equal(1f, TensorPrimitives.Norm(embedding.Vector.Span), 3);
        });
    }

    [Fact]
    public async Task Small_batches_give_the_same_vectors_in_the_same_order_as_one_at_a_time()
    {
        using var batchingInTwos = new MiniLmEmbeddingGenerator(batchSize: 2);

        GeneratedEmbeddings<Embedding<float>> batched = await batchingInTwos.GenerateAsync(Sentences);

        for (int i = 0; i < Sentences.Length; i++)
        {
            Embedding<float> alone = (await model.Generator.GenerateAsync([Sentences[i]]))[0];
            Assert.True(Cosine(alone, batched[i]) > 0.9999f, $"Sentence {i} changed when batched.");
        }
    }

    [Fact]
    public async Task Concurrent_callers_get_the_same_vectors_as_a_single_caller()
    {
        GeneratedEmbeddings<Embedding<float>> expected = await model.Generator.GenerateAsync(Sentences);

        GeneratedEmbeddings<Embedding<float>>[] results = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(_ => Task.Run(() => model.Generator.GenerateAsync(Sentences))));

        Assert.All(results, result =>
        {
            for (int i = 0; i < Sentences.Length; i++)
            {
                Assert.True(Cosine(expected[i], result[i]) > 0.9999f);
            }
        });
    }

    [Fact]
    public async Task Text_past_the_512_word_piece_window_does_not_change_the_vector()
    {
        // 600 single-piece words: the encoder keeps the first 512 word pieces, so the appended ending is never read.
        string opening = string.Join(' ', Enumerable.Repeat("the keeper walked along the shore", 100));
        string withEnding = opening + " then a dragon burned the volcano and the city sank into the sea";

        GeneratedEmbeddings<Embedding<float>> embeddings = await model.Generator.GenerateAsync([opening, withEnding]);

        Assert.True(Cosine(embeddings[0], embeddings[1]) > 0.9999f);
    }

    [Fact]
    public async Task A_runaway_input_is_cut_and_still_embedded()
    {
        string runaway = new('a', 2_000_000);

        GeneratedEmbeddings<Embedding<float>> embeddings = await model.Generator.GenerateAsync([runaway]);

        Assert.Equal(384, embeddings[0].Vector.Length);
    }

    [Fact]
    public async Task No_inputs_give_no_vectors()
    {
        GeneratedEmbeddings<Embedding<float>> embeddings = await model.Generator.GenerateAsync([]);

        Assert.Empty(embeddings);
    }

    [Fact]
    public async Task Asking_for_another_size_is_rejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => model.Generator.GenerateAsync(Sentences, new EmbeddingGenerationOptions { Dimensions = 512 }));
    }

    [Fact]
    public async Task A_cancelled_call_throws_OperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => model.Generator.GenerateAsync(Sentences, cancellationToken: cancellation.Token));
    }

    [Fact]
    public async Task Cancelling_during_a_long_call_stops_it()
    {
        string[] many = Enumerable.Repeat(string.Join(' ', Enumerable.Repeat("the keeper walked along the shore", 40)), 1000).ToArray();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Run(() => model.Generator.GenerateAsync(many, cancellationToken: cancellation.Token)));

        // The whole job takes well over 10 s on two cores; stopping must not wait for it.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Cancellation took {clock.Elapsed.TotalSeconds:F1} s.");
    }

    [Fact]
    public async Task A_disposed_generator_refuses_work()
    {
        var generator = new MiniLmEmbeddingGenerator();
        generator.Dispose();
        generator.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => generator.GenerateAsync(Sentences));
    }

    private static float Cosine(Embedding<float> left, Embedding<float> right) =>
        TensorPrimitives.CosineSimilarity(left.Vector.Span, right.Vector.Span);
}
