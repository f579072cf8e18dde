using Microsoft.Extensions.AI;
using RecurrentGpt.Infrastructure.Embeddings;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Infrastructure.Tests.Embeddings;

public sealed class AzureOpenAIEmbeddingsTests
{
    private static readonly string[] Paragraphs = ["Mara crossed the bridge at dusk.", "Behind her the granary burned."];

    [Fact]
    public async Task Texts_go_to_the_deployment_with_the_api_key_and_their_vectors_come_back()
    {
        await using EmbeddingsServer server = await EmbeddingsServer.StartAsync();
        using IEmbeddingGenerator<string, Embedding<float>> generator = EmbeddingGeneratorFactory.Create(new EmbeddingOptions
        {
            Provider = EmbeddingProvider.AzureOpenAI,
            Endpoint = server.Endpoint.ToString(),
            Deployment = "story-embeddings",
            ApiKey = "test-key-7f3a",
            Dimensions = 12,
        });

        GeneratedEmbeddings<Embedding<float>> embeddings = await generator.GenerateAsync(Paragraphs);

        EmbeddingsRequest request = Assert.Single(server.Requests);
        Assert.Equal("/openai/deployments/story-embeddings/embeddings", request.Path);
        Assert.False(string.IsNullOrEmpty(request.ApiVersion), "The api-version query parameter is missing.");
        Assert.Equal("test-key-7f3a", request.ApiKey);
        Assert.Null(request.Authorization);
        Assert.Equal(Paragraphs, request.Inputs);
        Assert.Equal(12, request.Dimensions);
        Assert.Equal(Paragraphs.Length, embeddings.Count);
        for (int i = 0; i < Paragraphs.Length; i++)
        {
            Assert.Equal(EmbeddingsServer.VectorFor(Paragraphs[i], 12), embeddings[i].Vector.ToArray());
        }
    }

    [Fact]
    public async Task Without_configured_dimensions_the_model_default_size_comes_back()
    {
        await using EmbeddingsServer server = await EmbeddingsServer.StartAsync();
        using IEmbeddingGenerator<string, Embedding<float>> generator = EmbeddingGeneratorFactory.Create(new EmbeddingOptions
        {
            Provider = EmbeddingProvider.AzureOpenAI,
            Endpoint = server.Endpoint.ToString(),
            Deployment = "story-embeddings",
            ApiKey = "test-key-7f3a",
        });

        GeneratedEmbeddings<Embedding<float>> embeddings = await generator.GenerateAsync([Paragraphs[0]]);

        Assert.Null(Assert.Single(server.Requests).Dimensions);
        Assert.Equal(EmbeddingsServer.VectorFor(Paragraphs[0], EmbeddingsServer.DefaultDimensions), embeddings[0].Vector.ToArray());
    }
}
