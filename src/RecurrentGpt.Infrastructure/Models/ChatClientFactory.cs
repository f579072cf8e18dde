using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.AI;
using OpenAI;

namespace RecurrentGpt.Infrastructure.Models;

/// <summary>
/// Builds the writer's <see cref="IChatClient"/> from <see cref="ModelOptions"/>: the SDK client with bounded retries
/// and a network timeout, wrapped so that a model that cannot answer surfaces as Core's ModelUnavailableException.
/// </summary>
public static class ChatClientFactory
{
    /// <summary>Sent to OpenAI-compatible servers that need no key (Ollama, vLLM, llama.cpp, LM Studio): the SDK requires one.</summary>
    public const string PlaceholderApiKey = "no-key-needed";

    /// <param name="azureCredential">Entra ID credential for Azure without a key; <see cref="DefaultAzureCredential"/> when null.</param>
    /// <param name="offlineWriter">Builds the offline writer, which lives elsewhere; without it the Offline provider is not supported here.</param>
    public static IChatClient Create(ModelOptions options, TokenCredential? azureCredential = null, Func<IChatClient>? offlineWriter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid model options: " + string.Join("; ", problems), nameof(options));
        }

        return options.Provider switch
        {
            ModelProvider.AzureOpenAI => TranslatingFailures(CreateAzureOpenAI(options, azureCredential), options),
            ModelProvider.OpenAICompatible => TranslatingFailures(CreateOpenAICompatible(options), options),
            ModelProvider.Offline => offlineWriter?.Invoke() ?? throw new NotSupportedException(
                "The Offline provider is not built by ChatClientFactory itself: pass the offline writer's factory as offlineWriter."),
            _ => throw new NotSupportedException($"Model provider {options.Provider} is not supported."),
        };
    }

    private static IChatClient CreateAzureOpenAI(ModelOptions options, TokenCredential? azureCredential)
    {
        AzureOpenAIClientOptions clientOptions = AzureApiVersion.CreateOptions(options.ApiVersion);
        ApplyResilience(clientOptions, options);
        var endpoint = new Uri(options.Endpoint!);
        AzureOpenAIClient client = string.IsNullOrEmpty(options.ApiKey)
            ? new AzureOpenAIClient(endpoint, azureCredential ?? new DefaultAzureCredential(), clientOptions)
            : new AzureOpenAIClient(endpoint, new ApiKeyCredential(options.ApiKey), clientOptions);
        return client.GetChatClient(options.Deployment).AsIChatClient();
    }

    private static IChatClient CreateOpenAICompatible(ModelOptions options)
    {
        var clientOptions = new OpenAIClientOptions { Endpoint = new Uri(options.BaseUrl!) };
        ApplyResilience(clientOptions, options);
        var key = new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? PlaceholderApiKey : options.ApiKey);
        return new OpenAIClient(key, clientOptions).GetChatClient(options.ModelName).AsIChatClient();
    }

    private static FailureTranslatingChatClient TranslatingFailures(IChatClient sdkClient, ModelOptions options)
    {
        string[] secrets = string.IsNullOrEmpty(options.ApiKey) ? [] : [options.ApiKey];
        return new FailureTranslatingChatClient(sdkClient, new ModelFailures(options, BoundedRetryPolicy.DefaultLongestWait, secrets));
    }

    private static void ApplyResilience(ClientPipelineOptions clientOptions, ModelOptions options)
    {
        clientOptions.RetryPolicy = new BoundedRetryPolicy(options.MaxRetries, BoundedRetryPolicy.DefaultLongestWait);
        clientOptions.NetworkTimeout = TimeSpan.FromSeconds(options.NetworkTimeoutSeconds);
    }
}
