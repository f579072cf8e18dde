using Microsoft.Extensions.AI;

namespace RecurrentGpt.Local.Cli;

/// <summary>The model the CLI writes with, and how it names it to the user.</summary>
internal sealed record ModelChoice(IChatClient Chat, IEmbeddingGenerator<string, Embedding<float>> Embeddings, string Description, bool IsOffline)
{
    public void SayIfOffline(TextWriter output)
    {
        if (IsOffline)
        {
            output.WriteLine("Note: this text comes from the offline writer, a rehearsal tool; configure a model to write real prose (see README).");
        }
    }
}
