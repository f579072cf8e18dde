using System.Text.Json;
using System.Text.RegularExpressions;

namespace RecurrentGpt.Deploy.Tests;

/// <summary>No secret and no account key in the Function App's settings, nor anywhere infra/ could put one.</summary>
public partial class SecretTests
{
    private static IReadOnlyList<ArmTemplate.AppSetting> Settings() => ArmTemplate.FunctionAppSettings(Bicep.MainTemplate);

    [Fact]
    public void Secret_named_settings_are_key_vault_references()
    {
        var secretNamed = Settings().Where(s => SecretName().IsMatch(s.Name) && !IsLocator(s.Name)).ToList();

        Assert.NotEmpty(secretNamed);
        foreach (ArmTemplate.AppSetting setting in secretNamed)
        {
            Assert.True(setting.Value.Contains("@Microsoft.KeyVault(", StringComparison.Ordinal),
                $"{setting.Name} holds a secret and must be a Key Vault reference, not {setting.Value}");
        }
    }

    [Fact]
    public void No_setting_value_is_a_literal_secret_or_an_account_key()
    {
        foreach (ArmTemplate.AppSetting setting in Settings())
        {
            Assert.DoesNotMatch(KeyMaterial(), setting.Value);
            if (!setting.ValueIsExpression)
            {
                // Literals are the few fixed words a setting takes (managedidentity, AzureOpenAI); anything longer or
                // key-shaped belongs in a parameter or in Key Vault.
                Assert.True(PlainWord().IsMatch(setting.Value), $"{setting.Name} has a literal value that may be a secret: {setting.Value}");
            }
        }
    }

    [Fact]
    public void No_setting_value_reads_a_secure_parameter()
    {
        foreach (ArmTemplate.AppSetting setting in Settings())
        {
            foreach (JsonProperty parameter in setting.ParametersRead())
            {
                string type = parameter.Value.GetProperty("type").GetString()!;
                Assert.False(type.StartsWith("secure", StringComparison.OrdinalIgnoreCase),
                    $"{setting.Name} is built from the secure parameter {parameter.Name}: its value would sit in the app settings in clear");
            }
        }
    }

    [Fact]
    public void Infra_never_lists_keys_or_secrets_of_a_resource()
    {
        var offenders = Repository.BicepFiles().Select(file => (Name: Repository.Relative(file), Text: File.ReadAllText(file)))
            .Append((Name: "main.bicep compiled", Text: File.ReadAllText(Bicep.Compiled.JsonFor(Repository.MainBicep))))
            .Where(source => ListFunction().IsMatch(source.Text))
            .Select(source => $"{source.Name} calls {ListFunction().Match(source.Text).Value}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Secrets_enter_the_deployment_only_as_secure_parameters_without_defaults()
    {
        JsonElement parameters = Bicep.MainTemplate.GetProperty("parameters");
        JsonElement azdParameters = Repository.ReadJson(Path.Combine(Repository.Infra, "main.parameters.json")).GetProperty("parameters");

        foreach (string secret in new[] { "webhookSecret", "signingSecret" })
        {
            JsonElement declared = parameters.GetProperty(secret);
            Assert.Equal("securestring", declared.GetProperty("type").GetString());
            Assert.False(declared.TryGetProperty("defaultValue", out _), $"{secret} must have no default");

            // azd fills it from its environment (or a CI secret); the file itself holds no value.
            string value = azdParameters.GetProperty(secret).GetProperty("value").GetString()!;
            Assert.Matches(EnvironmentReference(), value);
        }
    }

    [Fact]
    public void Every_service_accepts_only_entra_id_tokens()
    {
        JsonElement template = Bicep.MainTemplate;

        JsonElement storage = Single(template, "Microsoft.Storage/storageAccounts").GetProperty("properties");
        Assert.False(storage.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.Equal("TLS1_2", storage.GetProperty("minimumTlsVersion").GetString());
        Assert.True(storage.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
        Assert.False(storage.GetProperty("allowBlobPublicAccess").GetBoolean());

        Assert.True(Single(template, "Microsoft.KeyVault/vaults").GetProperty("properties").GetProperty("enableRbacAuthorization").GetBoolean());
        Assert.True(Single(template, "Microsoft.CognitiveServices/accounts").GetProperty("properties").GetProperty("disableLocalAuth").GetBoolean());
        Assert.True(Single(template, "Microsoft.Insights/components").GetProperty("properties").GetProperty("DisableLocalAuth").GetBoolean());
    }

    private static JsonElement Single(JsonElement template, string type) =>
        ArmTemplate.Resources(template, type).Where(r => !r.Resource.TryGetProperty("existing", out _)).Single().Resource;

    // Where to send telemetry, not a credential: with local authentication off, writing needs the identity's token.
    private static bool IsLocator(string name) => name.Equals("APPLICATIONINSIGHTS_CONNECTION_STRING", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"secret|password|passwd|apikey|accountkey|key\b|token|connectionstring|sharedaccess|signature", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex("AccountKey=|SharedAccessSignature=|SharedAccessKey=|[?&]sig=|InstrumentationKey=|-----BEGIN", RegexOptions.IgnoreCase)]
    private static partial Regex KeyMaterial();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9._-]{0,31}$")]
    private static partial Regex PlainWord();

    [GeneratedRegex(@"\blist[A-Z][A-Za-z]*\s*\(")]
    private static partial Regex ListFunction();

    [GeneratedRegex(@"^\$\{[A-Z][A-Z0-9_]*\}$")]
    private static partial Regex EnvironmentReference();
}
