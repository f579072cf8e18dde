using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RecurrentGpt.Api.Hosting;
using RecurrentGpt.Functions.Engine;
using RecurrentGpt.Functions.Http;
using RecurrentGpt.Workflow;
using RecurrentGpt.Workflow.Engine;

namespace RecurrentGpt.Functions;

/// <summary>
/// The Functions app's services: the shared composition root, plus what only this host has (a durable client per
/// invocation, function classes made from the container). Nothing here needs the Functions host, so tests call it on a
/// plain <see cref="ServiceCollection"/>.
/// </summary>
public static class FunctionsServices
{
    /// <summary>Set by the Functions platform when the app has Application Insights; telemetry is exported only then.</summary>
    public const string ApplicationInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// <c>Authorization=AAD</c>, with <c>ClientId=</c> for a user-assigned identity, when Application Insights takes only
    /// Entra ID tokens (local authentication off). The Functions host reads it for its own telemetry; the worker's
    /// exporter does not, so <see cref="AddStoryTelemetry"/> turns it into the exporter's credential.
    /// </summary>
    public const string ApplicationInsightsAuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static IServiceCollection AddStoryApp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // Registered before the root, which then keeps it: the workflow's services reach the invocation's client.
        services.TryAddSingleton<InvocationDurableClient>();
        services.TryAddSingleton<IDurableClientSource>(provider => provider.GetRequiredService<InvocationDurableClient>());
        services.TryAddSingleton<FunctionsHttp>();
        services.AddStoryServices(configuration, new StoryHostOptions());

        // Function classes get their activity from the container.
        foreach (Type activity in WorkflowRegistration.ActivityTypes)
        {
            services.TryAddTransient(activity);
        }

        return services;
    }

    /// <summary>OpenTelemetry with the Azure Monitor exporter, only when the app has an Application Insights connection string.</summary>
    public static IServiceCollection AddStoryTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(configuration[ApplicationInsightsSetting]))
        {
            TokenCredential? credential = TelemetryCredential(configuration[ApplicationInsightsAuthenticationSetting]);
            services.AddOpenTelemetry().UseFunctionsWorkerDefaults().UseAzureMonitorExporter(exporter =>
            {
                if (credential is not null)
                {
                    exporter.Credential = credential;
                }
            });
        }

        return services;
    }

    /// <summary>The managed identity an <see cref="ApplicationInsightsAuthenticationSetting"/> value names; null when it asks for none.</summary>
    public static TokenCredential? TelemetryCredential(string? authentication)
    {
        Dictionary<string, string> parts = (authentication ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out string? mode) || !mode.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new ManagedIdentityCredential(parts.TryGetValue("ClientId", out string? clientId) && clientId.Length > 0
            ? ManagedIdentityId.FromUserAssignedClientId(clientId)
            : ManagedIdentityId.SystemAssigned);
    }
}
