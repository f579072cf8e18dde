namespace RecurrentGpt.Workflow;

/// <summary>
/// On Azure the two HMAC secrets are Key Vault references. When the platform cannot resolve one (the identity lacks
/// the role yet, the secret is missing), it hands the app the reference text itself: a long, guessable string that
/// must never be taken for the secret.
/// </summary>
public static class KeyVaultReference
{
    public static bool IsUnresolved(string? value) =>
        value is not null && value.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);

    public static string Problem(string setting) =>
        $"{setting} is an unresolved Key Vault reference: the app's identity cannot read the secret yet "
        + "(check its Key Vault Secrets User role and the site's keyVaultReferenceIdentity, then restart)";
}
