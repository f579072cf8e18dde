using System.Text.RegularExpressions;

namespace RecurrentGpt.Infrastructure.Models;

/// <summary>
/// Which model answers and how patiently, bound from the configuration section <see cref="SectionName"/>.
/// A class rather than a record on purpose: a record's generated ToString would print the key.
/// </summary>
public sealed partial class ModelOptions : ISelfValidatingOptions
{
    public const string SectionName = "Model";
    public const int MaxRetriesLimit = 6;
    public const int NetworkTimeoutLimitSeconds = 600;

    /// <summary>Null when nothing is configured, so a host can look for a local model before falling back.</summary>
    public ModelProvider? Provider { get; set; }

    /// <summary>Azure OpenAI: the resource endpoint, e.g. <c>https://my-resource.openai.azure.com/</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Azure OpenAI: the deployment name.</summary>
    public string? Deployment { get; set; }

    /// <summary>Azure OpenAI: the <c>api-version</c> to send, e.g. <c>2024-10-21</c>; the SDK's default when unset.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>Optional. Azure without a key signs in with Entra ID; an OpenAI-compatible server without one gets a placeholder.</summary>
    public string? ApiKey { get; set; }

    /// <summary>OpenAI-compatible: the base URL the protocol paths hang off, e.g. <c>http://localhost:11434/v1</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>OpenAI-compatible: the model name sent with every request, e.g. <c>llama3.1:8b</c>.</summary>
    public string? ModelName { get; set; }

    /// <summary>Retries of a failed call by the client (429, 408, 5xx, network errors), from 0 to <see cref="MaxRetriesLimit"/>.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>How long one attempt may take before it counts as failed; long enough for a slow local model.</summary>
    public int NetworkTimeoutSeconds { get; set; } = 120;

    /// <summary>Every problem with these options, each naming its setting; empty when they can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        switch (Provider)
        {
            case null:
                problems.Add($"{SectionName}:Provider is not set: choose AzureOpenAI, OpenAICompatible or Offline");
                break;
            case ModelProvider.AzureOpenAI:
                CheckUrl(Endpoint, nameof(Endpoint), problems, requireHttpsUnlessLoopback: true);
                if (string.IsNullOrWhiteSpace(Deployment))
                {
                    problems.Add($"{SectionName}:Deployment is required for Azure OpenAI");
                }
                else if (!DeploymentPattern().IsMatch(Deployment))
                {
                    problems.Add($"{SectionName}:Deployment may hold only letters, digits, '-', '_' and '.' (at most 64)");
                }

                if (ApiVersion is not null && !ApiVersionPattern().IsMatch(ApiVersion))
                {
                    problems.Add($"{SectionName}:ApiVersion must look like 2024-10-21 or 2025-01-01-preview");
                }

                break;
            case ModelProvider.OpenAICompatible:
                CheckUrl(BaseUrl, nameof(BaseUrl), problems, requireHttpsUnlessLoopback: false);
                if (string.IsNullOrWhiteSpace(ModelName))
                {
                    problems.Add($"{SectionName}:ModelName is required for an OpenAI-compatible endpoint");
                }

                break;
            case ModelProvider.Offline:
                break;
            default:
                problems.Add($"{SectionName}:Provider has an unknown value");
                break;
        }

        if (MaxRetries is < 0 or > MaxRetriesLimit)
        {
            problems.Add($"{SectionName}:MaxRetries must be from 0 to {MaxRetriesLimit}");
        }

        if (NetworkTimeoutSeconds is < 1 or > NetworkTimeoutLimitSeconds)
        {
            problems.Add($"{SectionName}:NetworkTimeoutSeconds must be from 1 to {NetworkTimeoutLimitSeconds}");
        }

        return problems;
    }

    /// <summary>Where calls go, for messages and logs: provider, deployment or model, and host. Never the key.</summary>
    public string Describe() => Provider switch
    {
        ModelProvider.AzureOpenAI => $"Azure OpenAI deployment '{Deployment}' at {Location(Endpoint)}",
        ModelProvider.OpenAICompatible => $"OpenAI-compatible model '{ModelName}' at {Location(BaseUrl)}",
        ModelProvider.Offline => "the offline writer",
        _ => "an unconfigured model",
    };

    private static void CheckUrl(string? value, string name, List<string> problems, bool requireHttpsUnlessLoopback)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{SectionName}:{name} is required");
            return;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{SectionName}:{name} must be an absolute http or https URL");
            return;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query))
        {
            problems.Add($"{SectionName}:{name} must not carry user info or a query; put the key in {SectionName}:ApiKey");
        }

        // Azure endpoints are always TLS; plain http only makes sense for a local stand-in.
        if (requireHttpsUnlessLoopback && uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            problems.Add($"{SectionName}:{name} must use https (http is accepted only for localhost)");
        }
    }

    // Built from parts so that user info or a query, which could carry a secret, never shows.
    private static string Location(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) ? $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath.TrimEnd('/')}" : "(no URL)";

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex DeploymentPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(-preview)?$")]
    private static partial Regex ApiVersionPattern();
}
