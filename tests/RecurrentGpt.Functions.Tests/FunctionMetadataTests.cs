using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using static RecurrentGpt.Functions.Tests.FunctionCatalog;

namespace RecurrentGpt.Functions.Tests;

public class FunctionMetadataTests
{
    [Fact]
    public void Every_orchestrator_and_activity_of_the_workflow_has_exactly_one_function_with_its_trigger_and_types()
    {
        IReadOnlyList<DeclaredFunction> functions = DeclaredFunctions();
        IReadOnlyList<DurableTaskClass> tasks = WorkflowTasks();
        Assert.NotEmpty(tasks);

        foreach (DurableTaskClass task in tasks)
        {
            DeclaredFunction function = Assert.Single(functions, f => f.Name == task.Name);
            Type returned = function.Method.ReturnType;
            Assert.Equal(typeof(Task<>).MakeGenericType(task.Output), returned);
            if (task.IsOrchestrator)
            {
                Assert.Equal(typeof(TaskOrchestrationContext), function.ParameterWith<OrchestrationTriggerAttribute>()?.ParameterType);
            }
            else
            {
                Assert.Equal(task.Input, function.ParameterWith<ActivityTriggerAttribute>()?.ParameterType);

                // The instance id comes by name from the trigger's binding data.
                Assert.Contains(function.Method.GetParameters(), p => p.Name == "instanceId" && p.ParameterType == typeof(string));
            }
        }
    }

    [Fact]
    public void Every_orchestrator_and_activity_name_in_WorkflowNames_is_a_durable_function()
    {
        IReadOnlyList<DeclaredFunction> functions = DeclaredFunctions();
        foreach (string name in TaskNamesInWorkflowNames())
        {
            DeclaredFunction function = Assert.Single(functions, f => f.Name == name);
            Assert.True(
                function.ParameterWith<ActivityTriggerAttribute>() is not null || function.ParameterWith<OrchestrationTriggerAttribute>() is not null,
                $"{name} has neither an activity nor an orchestration trigger");
        }
    }

    [Fact]
    public void Function_names_are_unique()
    {
        IReadOnlyList<DeclaredFunction> functions = DeclaredFunctions();

        Assert.Equal(functions.Count, functions.Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Scheduler_sweep_runs_on_a_timer_whose_schedule_is_an_app_setting_and_gets_a_durable_client()
    {
        DeclaredFunction sweep = Assert.Single(DeclaredFunctions(), f => f.Name == SchedulerSweepFunction.Name);

        TimerTriggerAttribute timer = sweep.ParameterWith<TimerTriggerAttribute>()!.GetCustomAttribute<TimerTriggerAttribute>()!;
        Assert.Matches("^%[A-Za-z0-9_:]+%$", timer.Schedule);
        Assert.Equal(typeof(DurableTaskClient), sweep.ParameterWith<DurableClientAttribute>()?.ParameterType);
    }

    [Fact]
    public void Functions_metadata_written_by_the_build_lists_every_function_with_its_bindings()
    {
        // What the Functions host indexes when it reads the build output.
        JsonElement metadata = AppFiles.ReadJson(Path.Combine(AppFiles.Output, "functions.metadata"));
        Dictionary<string, JsonElement> listed = metadata.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        IReadOnlyList<DeclaredFunction> functions = DeclaredFunctions();

        Assert.Equal(functions.Select(f => f.Name).Order(), listed.Keys.Order());
        foreach (DeclaredFunction function in functions)
        {
            JsonElement entry = listed[function.Name];
            Assert.Equal("RecurrentGpt.Functions.dll", entry.GetProperty("scriptFile").GetString());
            Assert.Equal($"{function.Method.DeclaringType!.FullName}.{function.Method.Name}", entry.GetProperty("entryPoint").GetString());
            string[] bindings = [.. entry.GetProperty("bindings").EnumerateArray()
                .Where(b => b.GetProperty("name").GetString() != "$return")
                .Select(b => b.GetProperty("type").GetString()!)];
            Assert.Equal(BindingTypes(function), bindings);
        }

        JsonElement timer = listed[SchedulerSweepFunction.Name].GetProperty("bindings")[0];
        Assert.Equal("%Scheduler:Schedule%", timer.GetProperty("schedule").GetString());
    }

    /// <summary>The binding type the SDK derives from each parameter's binding attribute: TimerTriggerAttribute → timerTrigger.</summary>
    private static string[] BindingTypes(DeclaredFunction function) =>
        [.. function.Method.GetParameters()
            .SelectMany(p => p.GetCustomAttributes(inherit: false).OfType<BindingAttribute>())
            .Select(a => a.GetType().Name[..^"Attribute".Length])
            .Select(name => char.ToLowerInvariant(name[0]) + name[1..])];

    [Fact]
    public void Build_output_tells_the_host_to_load_the_durable_extension_and_to_ask_the_worker_for_its_functions()
    {
        JsonElement extensions = AppFiles.ReadJson(Path.Combine(AppFiles.Output, "extensions.json")).GetProperty("extensions");
        Assert.Contains(extensions.EnumerateArray(), e => e.GetProperty("name").GetString() == "DurableTask");

        JsonElement worker = AppFiles.ReadJson(Path.Combine(AppFiles.Output, "worker.config.json")).GetProperty("description");
        Assert.Equal("dotnet-isolated", worker.GetProperty("language").GetString());
        Assert.Equal("true", worker.GetProperty("workerIndexing").GetString());
    }

    [Fact]
    public void Host_json_in_the_output_runs_the_task_hub_on_Azure_Storage_named_by_a_setting()
    {
        JsonElement host = AppFiles.ReadJson(Path.Combine(AppFiles.Output, "host.json"));
        JsonElement durable = host.GetProperty("extensions").GetProperty("durableTask");
        JsonElement provider = durable.GetProperty("storageProvider");

        Assert.Equal("2.0", host.GetProperty("version").GetString());
        Assert.Matches("^%[A-Za-z0-9_]+%$", durable.GetProperty("hubName").GetString());
        Assert.Equal("AzureStorage", provider.GetProperty("type").GetString());
        Assert.True(provider.GetProperty("useTablePartitionManagement").GetBoolean());
        Assert.InRange(provider.GetProperty("partitionCount").GetInt32(), 1, 16);
        Assert.True(TimeSpan.Parse(provider.GetProperty("maxQueuePollingInterval").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= TimeSpan.FromSeconds(5),
            "a chosen plan should not wait long for an idle queue poll");
    }

    [Fact]
    public void Example_settings_hold_every_setting_that_host_json_and_the_triggers_resolve()
    {
        Dictionary<string, string?> example = AppFiles.ExampleSettings();
        string hostJson = File.ReadAllText(Path.Combine(AppFiles.Output, "host.json"));
        IEnumerable<string> fromHost = Regex.Matches(hostJson, "\"%([^%\"]+)%\"").Select(m => m.Groups[1].Value);
        IEnumerable<string> fromTriggers = DeclaredFunctions()
            .SelectMany(f => f.Method.GetParameters())
            .Select(p => p.GetCustomAttribute<TimerTriggerAttribute>())
            .OfType<TimerTriggerAttribute>()
            .Select(t => t.Schedule.Trim('%'));

        foreach (string setting in fromHost.Concat(fromTriggers))
        {
            Assert.True(!string.IsNullOrWhiteSpace(example.GetValueOrDefault(setting)), $"local.settings.example.json has no value for {setting}");
        }

        // NCRONTAB on Functions has six fields, seconds first.
        Assert.Equal(6, example["Scheduler:Schedule"]!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
