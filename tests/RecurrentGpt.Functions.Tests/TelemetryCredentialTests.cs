using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RecurrentGpt.Functions.Tests;

/// <summary>With local authentication off on Application Insights, the worker's exporter signs in as the app's identity.</summary>
public class TelemetryCredentialTests
{
    [Theory]
    [InlineData("ClientId=6f1c0c2e-0000-4000-8000-000000000001;Authorization=AAD")]
    [InlineData("Authorization=AAD")]
    [InlineData(" authorization = aad ; clientid = 6f1c0c2e-0000-4000-8000-000000000001 ")]
    public void Entra_id_authentication_string_gives_a_managed_identity_credential(string authentication) =>
        Assert.IsType<ManagedIdentityCredential>(FunctionsServices.TelemetryCredential(authentication));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ClientId=6f1c0c2e-0000-4000-8000-000000000001")]
    [InlineData("Authorization=Key")]
    public void Without_authorization_aad_the_exporter_keeps_its_default(string? authentication) =>
        Assert.Null(FunctionsServices.TelemetryCredential(authentication));

    [Fact]
    public void Exporter_gets_the_credential_the_authentication_string_names()
    {
        var services = new ServiceCollection();
        services.AddStoryTelemetry(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [FunctionsServices.ApplicationInsightsSetting] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/",
            [FunctionsServices.ApplicationInsightsAuthenticationSetting] = "ClientId=6f1c0c2e-0000-4000-8000-000000000001;Authorization=AAD",
        }).Build());

        using ServiceProvider provider = services.BuildServiceProvider();
        AzureMonitorExporterOptions exporter = provider.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName);

        Assert.IsType<ManagedIdentityCredential>(exporter.Credential);
    }
}
