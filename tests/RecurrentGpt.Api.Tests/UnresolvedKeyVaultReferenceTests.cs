using RecurrentGpt.Workflow.Notifications;

namespace RecurrentGpt.Api.Tests;

/// <summary>An unresolved Key Vault reference reaches the app as its own text; it must stop the start, not sign anything.</summary>
public class UnresolvedKeyVaultReferenceTests
{
    private const string Reference = "@Microsoft.KeyVault(VaultName=kv-abc;SecretName=webhook-secret)";

    [Fact]
    public void Webhook_secret_that_is_an_unresolved_key_vault_reference_is_refused()
    {
        IReadOnlyList<string> problems = new WebhookOptions { Secret = Reference }.Validate();

        Assert.Contains(problems, p => p.StartsWith("Webhook:Secret is an unresolved Key Vault reference", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("kv-abc", StringComparison.Ordinal));
    }

    [Fact]
    public void Signing_secret_that_is_an_unresolved_key_vault_reference_is_refused()
    {
        IReadOnlyList<string> problems = new NotificationOptions { SigningSecret = Reference }.Validate();

        Assert.Contains(problems, p => p.StartsWith("Notifications:SigningSecret is an unresolved Key Vault reference", StringComparison.Ordinal));
    }

    [Fact]
    public void A_resolved_secret_of_the_same_length_is_accepted()
    {
        Assert.Empty(new WebhookOptions { Secret = new string('s', Reference.Length) }.Validate());
        Assert.Empty(new NotificationOptions { SigningSecret = new string('s', Reference.Length) }.Validate());
    }
}
