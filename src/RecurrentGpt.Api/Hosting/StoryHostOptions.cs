using Microsoft.Extensions.AI;

namespace RecurrentGpt.Api.Hosting;

/// <summary>What one host brings of its own to the shared composition, instead of what configuration would make.</summary>
public sealed class StoryHostOptions
{
    /// <summary>
    /// A chat client the host chose itself (rgpt's search for a local model; a test's or benchmark's client). Without it
    /// the client is made from the <c>Model</c> section, the offline writer when no provider is set.
    /// </summary>
    public IChatClient? Chat { get; init; }

    /// <summary>How the start-up log names <see cref="Chat"/>.</summary>
    public string? ChatDescription { get; init; }

    /// <summary>An embedding generator the host made already (rgpt loads the local model once per run); else from <c>Embeddings</c>.</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? Embeddings { get; init; }

    /// <summary>Runs the scheduler sweep as a background service; Functions runs it from a timer trigger instead.</summary>
    public bool RunsScheduler { get; init; }
}
