using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using RecurrentGpt.Infrastructure.Embeddings;
using RecurrentGpt.Infrastructure.Models;
using RecurrentGpt.Infrastructure.Offline;
using RecurrentGpt.Local.Hosting;

namespace RecurrentGpt.Local.Cli;

/// <summary>
/// Picks the model: the configured provider; else Ollama when it answers on localhost; else the offline writer,
/// which is said plainly on every run.
/// </summary>
internal static class ModelSetup
{
    private static readonly Uri OllamaTags = new("http://127.0.0.1:11434/api/tags");

    public static async Task<ModelChoice> ChooseAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        ModelOptions options = SettingProblems.Bind(() => configuration.GetSection(ModelOptions.SectionName).Get<ModelOptions>()) ?? new ModelOptions();
        IEmbeddingGenerator<string, Embedding<float>> embeddings = CreateEmbeddings(configuration);
        if (options.Provider is null)
        {
            string? ollamaModel = await FindOllamaModelAsync(cancellationToken);
            options = ollamaModel is null
                ? new ModelOptions { Provider = ModelProvider.Offline }
                : new ModelOptions { Provider = ModelProvider.OpenAICompatible, BaseUrl = "http://127.0.0.1:11434/v1", ModelName = ollamaModel };
        }

        IReadOnlyList<string> problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new UsageException("the model configuration is not usable: " + string.Join("; ", problems));
        }

        IChatClient chat = ChatClientFactory.Create(options, offlineWriter: () => new OfflineWriter());
        return options.Provider == ModelProvider.Offline
            ? new ModelChoice(chat, embeddings, "offline writer (no model configured or found) — a deterministic rehearsal tool, not a language model", IsOffline: true)
            : new ModelChoice(chat, embeddings, options.Describe(), IsOffline: false);
    }

    private static IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddings(IConfiguration configuration)
    {
        EmbeddingOptions options = SettingProblems.Bind(() => EmbeddingOptions.FromConfiguration(configuration));
        IReadOnlyList<string> problems = options.Validate();
        return problems.Count > 0
            ? throw new UsageException("the embeddings configuration is not usable: " + string.Join("; ", problems))
            : EmbeddingGeneratorFactory.Create(options);
    }

    // Ollama is used only when it answers quickly with at least one model; anything else means "not there".
    private static async Task<string?> FindOllamaModelAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(500) };
        try
        {
            OllamaTagList? tags = await http.GetFromJsonAsync<OllamaTagList>(OllamaTags, cancellationToken);
            return tags?.Models?.FirstOrDefault()?.Name;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or NotSupportedException)
        {
            return null;
        }
    }

    private sealed record OllamaTagList([property: JsonPropertyName("models")] List<OllamaModel>? Models);

    private sealed record OllamaModel([property: JsonPropertyName("name")] string Name);
}
