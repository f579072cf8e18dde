namespace RecurrentGpt.Local.Runtime.Tests;

public sealed class LocalRuntimeOptionsTests
{
    [Fact]
    public void Defaults_match_the_functions_host()
    {
        var options = new LocalRuntimeOptions();

        Assert.Equal("RecurrentGpt", options.TaskHubName);
        Assert.Equal(4, options.PartitionCount);
        Assert.Equal(0, options.SidecarPort);
    }

    [Theory]
    [InlineData("", "RecurrentGpt", nameof(LocalRuntimeOptions.StorageConnectionString))]
    [InlineData("UseDevelopmentStorage=true", "9hub", nameof(LocalRuntimeOptions.TaskHubName))]
    [InlineData("UseDevelopmentStorage=true", "hub-with-dash", nameof(LocalRuntimeOptions.TaskHubName))]
    [InlineData("UseDevelopmentStorage=true", "ab", nameof(LocalRuntimeOptions.TaskHubName))]
    public void Unusable_settings_are_named(string connectionString, string taskHub, string setting)
    {
        var options = new LocalRuntimeOptions { StorageConnectionString = connectionString, TaskHubName = taskHub };

        ArgumentException error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Equal(setting, error.ParamName);
    }

    [Fact]
    public void Zero_concurrency_is_refused()
    {
        var options = new LocalRuntimeOptions { StorageConnectionString = "UseDevelopmentStorage=true", MaxConcurrentActivities = 0 };

        Assert.Equal(nameof(LocalRuntimeOptions.MaxConcurrentActivities), Assert.Throws<ArgumentException>(options.Validate).ParamName);
    }
}
