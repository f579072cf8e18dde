using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using RecurrentGpt.Infrastructure.Embeddings;

namespace RecurrentGpt.Infrastructure.Tests.Embeddings;

public sealed class EmbeddingGeneratorFactoryTests
{
    [Fact]
    public void Default_options_give_the_local_MiniLM_generator()
    {
        using IEmbeddingGenerator<string, Embedding<float>> generator = EmbeddingGeneratorFactory.Create(new EmbeddingOptions());

        Assert.IsType<MiniLmEmbeddingGenerator>(generator);
        Assert.Equal(384, generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions);
    }

    [Fact]
    public void Invalid_options_throw_with_every_problem()
    {
        var options = new EmbeddingOptions { Provider = EmbeddingProvider.AzureOpenAI, Dimensions = 0 };

        OptionsValidationException exception = Assert.Throws<OptionsValidationException>(() => EmbeddingGeneratorFactory.Create(options));

        Assert.Equal(options.Validate(), exception.Failures);
        Assert.Equal(3, exception.Failures.Count());
    }
}
