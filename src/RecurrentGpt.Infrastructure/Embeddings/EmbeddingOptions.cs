using System.Net;
using Microsoft.Extensions.Configuration;

namespace RecurrentGpt.Infrastructure.Embeddings;

/// <summary>The configuration section <c>Embeddings</c>: which model embeds paragraphs and how to reach it.</summary>
public sealed class EmbeddingOptions : ISelfValidatingOptions
{
    public const string SectionName = "Embeddings";

    public EmbeddingProvider Provider { get; set; } = EmbeddingProvider.MiniLm;

    /// <summary>Azure OpenAI resource endpoint, e.g. <c>https://my-resource.openai.azure.com/</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Name of the embeddings deployment in that resource.</summary>
    public string? Deployment { get; set; }

    /// <summary>Optional; without it the client signs in with <c>DefaultAzureCredential</c> (managed identity on Azure).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Optional vector size for models that can shorten their output (text-embedding-3-*).</summary>
    public int? Dimensions { get; set; }

    public bool HasApiKey => !string.IsNullOrWhiteSpace(ApiKey);

    public static EmbeddingOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(SectionName).Get<EmbeddingOptions>() ?? new EmbeddingOptions();
    }

    /// <summary>Every problem with these settings, each a sentence naming the setting; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Dimensions is <= 0)
        {
            problems.Add($"{SectionName}:Dimensions must be a positive number when set; got {Dimensions}.");
        }

        switch (Provider)
        {
            case EmbeddingProvider.MiniLm:
                if (Dimensions is > 0 and not MiniLmEmbeddingGenerator.Dimensions)
                {
                    problems.Add($"{SectionName}:Dimensions must be empty or {MiniLmEmbeddingGenerator.Dimensions} for the MiniLm provider "
                        + $"(the local model has a fixed size); got {Dimensions}.");
                }

                break;
            case EmbeddingProvider.AzureOpenAI:
                ValidateAzureOpenAI(problems);
                break;
            default:
                problems.Add($"{SectionName}:Provider must be {nameof(EmbeddingProvider.MiniLm)} or {nameof(EmbeddingProvider.AzureOpenAI)}; got '{Provider}'.");
                break;
        }

        return problems;
    }

    private void ValidateAzureOpenAI(List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(Endpoint))
        {
            problems.Add($"{SectionName}:Endpoint is required when {SectionName}:Provider is AzureOpenAI "
                + "(the resource endpoint, e.g. https://my-resource.openai.azure.com/).");
        }
        else if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out Uri? endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{SectionName}:Endpoint must be an absolute https URI; got '{Endpoint}'.");
        }
        else if (endpoint.Scheme == Uri.UriSchemeHttp && !IsLoopback(endpoint))
        {
            // The key or token would cross the network in clear text.
            problems.Add($"{SectionName}:Endpoint must use https (plain http is accepted only for a loopback address); got '{Endpoint}'.");
        }

        if (string.IsNullOrWhiteSpace(Deployment))
        {
            problems.Add($"{SectionName}:Deployment is required when {SectionName}:Provider is AzureOpenAI "
                + "(the name of the embeddings deployment, e.g. text-embedding-3-small).");
        }
    }

    private static bool IsLoopback(Uri endpoint) =>
        endpoint.IsLoopback || (IPAddress.TryParse(endpoint.Host, out IPAddress? address) && IPAddress.IsLoopback(address));
}
