using System.Reflection;
using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.RegularExpressions;
using RecurrentGpt.Functions;
using RecurrentGpt.Infrastructure.Storage;

namespace RecurrentGpt.Deploy.Tests;

/// <summary>What infra/ builds matches what the app and the Durable Functions guidance for Flex Consumption expect.</summary>
public partial class InfraShapeTests
{
    [Fact]
    public void Storage_gets_the_container_and_every_table_the_app_names()
    {
        JsonElement variables = Bicep.MainTemplate.GetProperty("variables");
        var appTables = typeof(StorageOptions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.Name.EndsWith("Table", StringComparison.Ordinal))
            .Select(field => (string)field.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(appTables, variables.GetProperty("storyTables").EnumerateArray().Select(t => t.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(new StorageOptions().ContainerName, variables.GetProperty("storiesContainerName").GetString());
    }

    [Fact]
    public void Function_app_runs_the_dotnet_isolated_version_the_app_targets()
    {
        JsonElement runtime = ArmTemplate.FunctionApp(Bicep.MainTemplate).GetProperty("properties").GetProperty("functionAppConfig").GetProperty("runtime");
        string target = typeof(FunctionsServices).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName; // .NETCoreApp,Version=v10.0

        Assert.Equal("dotnet-isolated", runtime.GetProperty("name").GetString());
        Assert.Equal(target[(target.IndexOf("=v", StringComparison.Ordinal) + 2)..], runtime.GetProperty("version").GetString());
    }

    [Fact]
    public void Durable_group_has_an_always_ready_instance_by_default()
    {
        JsonElement scale = ArmTemplate.FunctionApp(Bicep.MainTemplate).GetProperty("properties").GetProperty("functionAppConfig").GetProperty("scaleAndConcurrency");

        // Per the Durable Functions guidance for Flex Consumption: one always-ready instance for the "durable" group.
        Assert.Contains("'durable'", scale.GetProperty("alwaysReady").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, Bicep.MainTemplate.GetProperty("parameters").GetProperty("durableAlwaysReady").GetProperty("defaultValue").GetInt32());
    }

    [Fact]
    public void Host_polls_the_task_hub_queues_at_least_every_ten_seconds()
    {
        JsonElement provider = Repository.ReadJson(Repository.HostJson).GetProperty("extensions").GetProperty("durableTask").GetProperty("storageProvider");

        // The guidance for Flex Consumption: 10 seconds or less, since scaled-in instances feel polling delays.
        Assert.True(TimeSpan.Parse(provider.GetProperty("maxQueuePollingInterval").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Function_app_sets_none_of_the_settings_flex_consumption_rejects_or_a_storage_connection_string()
    {
        string[] rejected =
        [
            "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTSHARE",
            "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_NODE_DEFAULT_VERSION", AppSettingNames.StorageConnection(),
        ];
        var names = ArmTemplate.FunctionAppSettings(Bicep.MainTemplate).Select(s => s.Name).ToList();

        Assert.Empty(names.Intersect(rejected, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Function_app_runs_as_the_user_assigned_identity_for_key_vault_and_deployment_too()
    {
        JsonElement properties = ArmTemplate.FunctionApp(Bicep.MainTemplate).GetProperty("properties");
        string identity = properties.GetProperty("keyVaultReferenceIdentity").GetString()!;
        JsonElement authentication = properties.GetProperty("functionAppConfig").GetProperty("deployment").GetProperty("storage").GetProperty("authentication");

        Assert.Equal("UserAssignedIdentity", authentication.GetProperty("type").GetString());
        Assert.Equal(identity, authentication.GetProperty("userAssignedIdentityResourceId").GetString());
    }

    [Fact]
    public void Azure_yaml_deploys_the_functions_project_and_its_hooks_exist()
    {
        string azureYaml = File.ReadAllText(Path.Combine(Repository.Root, "azure.yaml"));
        var projects = ProjectLine().Matches(azureYaml).Select(m => m.Groups["path"].Value).ToList();
        var hooks = RunLine().Matches(azureYaml).Select(m => m.Groups["path"].Value).ToList();

        Assert.Contains("./src/RecurrentGpt.Functions", projects);
        Assert.All(projects, path => Assert.True(Directory.Exists(Path.Combine(Repository.Root, path)), $"azure.yaml: no project folder {path}"));
        Assert.NotEmpty(hooks);
        Assert.All(hooks, path => Assert.True(File.Exists(Path.Combine(Repository.Root, path)), $"azure.yaml: no hook script {path}"));
    }

    [GeneratedRegex(@"^\s+project:\s*(?<path>\S+)", RegexOptions.Multiline)]
    private static partial Regex ProjectLine();

    [GeneratedRegex(@"^\s+run:\s*(?<path>\./\S+)", RegexOptions.Multiline)]
    private static partial Regex RunLine();
}
