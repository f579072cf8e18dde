using RecurrentGpt.Infrastructure;
using RecurrentGpt.Workflow;

namespace RecurrentGpt.Api;

/// <summary>The incoming plan-choice webhook (section <c>Webhook</c>). On Azure the secret is a Key Vault reference.</summary>
public sealed class WebhookOptions : ISelfValidatingOptions
{
    public const string SectionName = "Webhook";

    public const int MinSecretLength = 16;

    /// <summary>The shared secret senders sign with; the webhook answers 503 while it is unset (or empty).</summary>
    public string? Secret { get; set; }

    public bool IsConfigured => !string.IsNullOrEmpty(Secret);

    /// <summary>Webhook bodies are small: a story id, a step and a plan.</summary>
    public int MaxBodyBytes { get; set; } = 16 * 1024;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (KeyVaultReference.IsUnresolved(Secret))
        {
            problems.Add(KeyVaultReference.Problem($"{SectionName}:Secret"));
        }
        else if (!string.IsNullOrEmpty(Secret) && Secret.Length < MinSecretLength)
        {
            problems.Add($"{SectionName}:Secret must have at least {MinSecretLength} characters");
        }

        if (MaxBodyBytes is < 1024 or > ApiLimits.MaxBodyBytes)
        {
            problems.Add($"{SectionName}:MaxBodyBytes must be from 1024 to {ApiLimits.MaxBodyBytes}");
        }

        return problems;
    }
}
