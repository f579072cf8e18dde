using System.Reflection;
using RecurrentGpt.Api;
using RecurrentGpt.Infrastructure.Embeddings;
using RecurrentGpt.Infrastructure.Models;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow;
using RecurrentGpt.Workflow.Notifications;

namespace RecurrentGpt.Functions.Tests;

public class ExampleSettingsTests
{
    private static readonly Dictionary<string, Type> BoundSections = new(StringComparer.Ordinal)
    {
        [StorageOptions.SectionName] = typeof(StorageOptions),
        [ModelOptions.SectionName] = typeof(ModelOptions),
        [EmbeddingOptions.SectionName] = typeof(EmbeddingOptions),
        [WorkflowOptions.SectionName] = typeof(WorkflowOptions),
        [NotificationOptions.SectionName] = typeof(NotificationOptions),
        [WebhookOptions.SectionName] = typeof(WebhookOptions),
    };

    [Fact]
    public void Example_settings_list_every_option_the_app_binds()
    {
        Dictionary<string, string?> example = AppFiles.ExampleSettings();

        foreach ((string section, Type options) in BoundSections)
        {
            foreach (PropertyInfo property in options.GetProperties().Where(p => p.SetMethod?.IsPublic == true))
            {
                // A list binds from indexed keys (Section__List__0): the first index stands for the list.
                bool listed = example.ContainsKey($"{section}:{property.Name}") || example.ContainsKey($"{section}:{property.Name}:0");
                Assert.True(listed, $"local.settings.example.json lacks {section}__{property.Name}");
            }
        }
    }

    [Fact]
    public void Example_settings_of_the_bound_sections_name_real_options()
    {
        foreach (string key in AppFiles.ExampleSettings().Keys)
        {
            string[] parts = key.Split(':');
            if (parts.Length >= 2 && BoundSections.TryGetValue(parts[0], out Type? options))
            {
                Assert.True(options.GetProperty(parts[1])?.SetMethod?.IsPublic == true, $"{parts[0]}__{parts[1]} is not an option of {options.Name}");
            }
        }
    }
}
