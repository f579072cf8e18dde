using System.ClientModel;
using Azure.AI.OpenAI;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace RecurrentGpt.Infrastructure.Embeddings;

/// <summary>Builds the embedding generator that <see cref="EmbeddingOptions"/> names.</summary>
public static class EmbeddingGeneratorFactory
{
    /// <param name="options">Validated first; invalid settings throw <see cref="OptionsValidationException"/> listing every problem.</param>
    /// <param name="credential">Used for Azure OpenAI without an API key; <see cref="DefaultAzureCredential"/> when omitted.</param>
    public static IEmbeddingGenerator<string, Embedding<float>> Create(EmbeddingOptions options, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(EmbeddingOptions.SectionName, typeof(EmbeddingOptions), problems);
        }

        return options.Provider switch
        {
            EmbeddingProvider.AzureOpenAI => CreateAzureOpenAI(options, credential),
            _ => new MiniLmEmbeddingGenerator(),
        };
    }

    private static IEmbeddingGenerator<string, Embedding<float>> CreateAzureOpenAI(EmbeddingOptions options, TokenCredential? credential)
    {
        var endpoint = new Uri(options.Endpoint!);
        AzureOpenAIClient client = options.HasApiKey
            ? new AzureOpenAIClient(endpoint, new ApiKeyCredential(options.ApiKey!))
            : new AzureOpenAIClient(endpoint, credential ?? new DefaultAzureCredential());
        return client.GetEmbeddingClient(options.Deployment).AsIEmbeddingGenerator(options.Dimensions);
    }
}
