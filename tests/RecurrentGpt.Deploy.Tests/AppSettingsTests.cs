namespace RecurrentGpt.Deploy.Tests;

/// <summary>
/// The names infra/ gives the Function App's settings against the names the app reads: nothing the app needs is
/// forgotten, and nothing infra sets is read by no one.
/// </summary>
public class AppSettingsTests
{
    private static HashSet<string> SetByInfra() =>
        ArmTemplate.FunctionAppSettings(Bicep.MainTemplate).Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void App_setting_names_are_literal_so_they_can_be_checked_before_deployment()
    {
        IReadOnlyList<ArmTemplate.AppSetting> settings = ArmTemplate.FunctionAppSettings(Bicep.MainTemplate);

        Assert.NotEmpty(settings);
        Assert.All(settings, setting => Assert.True(setting.NameIsLiteral, $"app setting name {setting.Name} is an expression"));
        Assert.Equal(settings.Count, settings.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Every_setting_the_app_reads_is_set_by_infra_or_documented_as_left_unset()
    {
        HashSet<string> set = SetByInfra();
        var unset = DeployDoc.SettingsUnder(DeployDoc.LeftUnset).ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach ((string name, string foundIn) in AppSettingNames.ReadByTheApp())
        {
            // A connection is set either whole (a connection string) or by its identity-based parts (Name__*).
            bool setByInfra = set.Contains(name) || set.Any(s => s.StartsWith(name + "__", StringComparison.OrdinalIgnoreCase));
            Assert.True(setByInfra || unset.Contains(name),
                $"the app reads {name} ({foundIn}) but infra/app/function-app.bicep does not set it and docs/DEPLOY.md does not list it under '{DeployDoc.LeftUnset}'");
        }
    }

    [Fact]
    public void Every_setting_infra_sets_is_read_by_the_app_or_by_the_platform()
    {
        IReadOnlyDictionary<string, string> read = AppSettingNames.ReadByTheApp();
        IReadOnlyDictionary<string, string> platform = AppSettingNames.PlatformSettings();

        foreach (string name in SetByInfra())
        {
            Assert.True(read.ContainsKey(name) || platform.ContainsKey(name),
                $"infra sets {name}, which neither the app nor the Functions platform reads: remove it, or say who reads it");
        }
    }

    [Fact]
    public void Settings_documented_as_left_unset_are_real_settings_that_infra_does_not_set()
    {
        IReadOnlyDictionary<string, string> read = AppSettingNames.ReadByTheApp();
        HashSet<string> set = SetByInfra();

        foreach (string name in DeployDoc.SettingsUnder(DeployDoc.LeftUnset))
        {
            Assert.True(read.ContainsKey(name), $"docs/DEPLOY.md lists {name} as left unset, but the app reads no such setting");
            Assert.False(set.Contains(name), $"docs/DEPLOY.md lists {name} as left unset, but infra sets it");
        }
    }

    [Fact]
    public void The_deploy_guide_lists_exactly_the_settings_infra_sets()
    {
        var documented = DeployDoc.SettingsUnder(DeployDoc.SetByInfra).ToHashSet(StringComparer.OrdinalIgnoreCase);
        HashSet<string> set = SetByInfra();

        Assert.Empty(set.Except(documented, StringComparer.OrdinalIgnoreCase).Select(name => $"{name} is set by infra but missing from docs/DEPLOY.md"));
        Assert.Empty(documented.Except(set, StringComparer.OrdinalIgnoreCase).Select(name => $"docs/DEPLOY.md lists {name}, which infra does not set"));
    }
}
