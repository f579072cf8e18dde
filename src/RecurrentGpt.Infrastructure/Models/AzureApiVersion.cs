using System.ClientModel.Primitives;
using Azure.AI.OpenAI;

namespace RecurrentGpt.Infrastructure.Models;

/// <summary>
/// Chooses the <c>api-version</c> an Azure OpenAI client sends. Versions the SDK knows go through its own option;
/// newer ones (which newer models need) are written over the SDK's value by <see cref="OverridePolicy"/>.
/// </summary>
internal static class AzureApiVersion
{
    private static readonly Dictionary<string, AzureOpenAIClientOptions.ServiceVersion> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["2024-06-01"] = AzureOpenAIClientOptions.ServiceVersion.V2024_06_01,
        ["2024-10-21"] = AzureOpenAIClientOptions.ServiceVersion.V2024_10_21,
    };

    public static AzureOpenAIClientOptions CreateOptions(string? apiVersion)
    {
        if (apiVersion is null)
        {
            return new AzureOpenAIClientOptions();
        }

        if (Known.TryGetValue(apiVersion, out AzureOpenAIClientOptions.ServiceVersion version))
        {
            return new AzureOpenAIClientOptions(version);
        }

        var options = new AzureOpenAIClientOptions();
        options.AddPolicy(new OverridePolicy(apiVersion), PipelinePosition.PerCall);
        return options;
    }

    private sealed class OverridePolicy(string apiVersion) : PipelinePolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            Apply(message.Request);
            ProcessNext(message, pipeline, currentIndex);
        }

        public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            Apply(message.Request);
            return ProcessNextAsync(message, pipeline, currentIndex);
        }

        private void Apply(PipelineRequest request)
        {
            if (request.Uri is null)
            {
                return;
            }

            var uri = new UriBuilder(request.Uri);
            IEnumerable<string> others = uri.Query.TrimStart('?')
                .Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Where(pair => !pair.StartsWith("api-version=", StringComparison.OrdinalIgnoreCase));
            uri.Query = string.Join('&', others.Append("api-version=" + Uri.EscapeDataString(apiVersion)));
            request.Uri = uri.Uri;
        }
    }
}
