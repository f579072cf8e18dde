using RecurrentGpt.Infrastructure.Embeddings;

namespace RecurrentGpt.Infrastructure.Tests.Embeddings;

/// <summary>Loads the MiniLM model once (≈ 1 s, ≈ 90 MB) for every test class that needs it.</summary>
public sealed class MiniLmModel : IDisposable
{
    public MiniLmEmbeddingGenerator Generator { get; } = new();

    public void Dispose() => Generator.Dispose();
}

[CollectionDefinition(Name)]
public sealed class MiniLmCollection : ICollectionFixture<MiniLmModel>
{
    public const string Name = "MiniLM model";
}
