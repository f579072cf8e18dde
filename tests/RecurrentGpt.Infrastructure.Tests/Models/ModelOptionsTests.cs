using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using RecurrentGpt.Infrastructure.Models;

namespace RecurrentGpt.Infrastructure.Tests.Models;

public sealed class ModelOptionsTests
{
    [Fact]
    public void Options_bind_from_the_Model_section()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Model:Provider"] = "AzureOpenAI",
                ["Model:Endpoint"] = "https://story.openai.azure.com/",
                ["Model:Deployment"] = "gpt-4o",
                ["Model:ApiVersion"] = "2024-10-21",
                ["Model:MaxRetries"] = "5",
                ["Model:NetworkTimeoutSeconds"] = "45",
            })
            .Build();

        ModelOptions options = configuration.GetSection(ModelOptions.SectionName).Get<ModelOptions>()!;

        Assert.Equal(ModelProvider.AzureOpenAI, options.Provider);
        Assert.Equal("gpt-4o", options.Deployment);
        Assert.Equal("2024-10-21", options.ApiVersion);
        Assert.Null(options.ApiKey);
        Assert.Equal(5, options.MaxRetries);
        Assert.Equal(45, options.NetworkTimeoutSeconds);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Defaults_are_three_retries_and_two_minutes_with_no_provider_chosen()
    {
        var options = new ModelOptions();

        Assert.Null(options.Provider);
        Assert.Equal(3, options.MaxRetries);
        Assert.Equal(120, options.NetworkTimeoutSeconds);
        Assert.Contains("Model:Provider is not set: choose AzureOpenAI, OpenAICompatible or Offline", options.Validate());
    }

    [Fact]
    public void Validate_names_every_missing_or_out_of_range_setting()
    {
        var azure = new ModelOptions { Provider = ModelProvider.AzureOpenAI, MaxRetries = 7, NetworkTimeoutSeconds = 0, ApiVersion = "latest" };
        var compatible = new ModelOptions { Provider = ModelProvider.OpenAICompatible, BaseUrl = "localhost:11434" };

        Assert.Equal(
            [
                "Model:Endpoint is required",
                "Model:Deployment is required for Azure OpenAI",
                "Model:ApiVersion must look like 2024-10-21 or 2025-01-01-preview",
                "Model:MaxRetries must be from 0 to 6",
                "Model:NetworkTimeoutSeconds must be from 1 to 600",
            ],
            azure.Validate());
        Assert.Equal(
            ["Model:BaseUrl must be an absolute http or https URL", "Model:ModelName is required for an OpenAI-compatible endpoint"],
            compatible.Validate());
    }

    [Theory]
    [InlineData("http://story.openai.azure.com/", "Model:Endpoint must use https (http is accepted only for localhost)")]
    [InlineData("https://user:secret@story.openai.azure.com/", "Model:Endpoint must not carry user info or a query; put the key in Model:ApiKey")]
    [InlineData("https://story.openai.azure.com/?key=secret", "Model:Endpoint must not carry user info or a query; put the key in Model:ApiKey")]
    public void Azure_endpoint_must_be_plain_https(string endpoint, string problem)
    {
        var options = new ModelOptions { Provider = ModelProvider.AzureOpenAI, Endpoint = endpoint, Deployment = "gpt-4o" };

        Assert.Equal([problem], options.Validate());
    }

    [Fact]
    public void Local_servers_need_only_a_base_url_and_a_model_name()
    {
        var ollama = new ModelOptions { Provider = ModelProvider.OpenAICompatible, BaseUrl = "http://localhost:11434/v1", ModelName = "llama3.1:8b" };

        Assert.Empty(ollama.Validate());
        Assert.Equal("OpenAI-compatible model 'llama3.1:8b' at http://localhost:11434/v1", ollama.Describe());
    }

    [Fact]
    public void Factory_rejects_invalid_options_without_echoing_the_key()
    {
        var options = new ModelOptions { Provider = ModelProvider.AzureOpenAI, ApiKey = ModelTestKit.AzureKey };

        ArgumentException failure = Assert.Throws<ArgumentException>(() => ChatClientFactory.Create(options));

        Assert.Contains("Model:Endpoint is required", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ModelTestKit.AzureKey, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Offline_provider_is_built_only_from_the_offline_writer_factory()
    {
        var options = new ModelOptions { Provider = ModelProvider.Offline };
        // Any real client will do as the stand-in: the offline writer itself is another project's.
        using IChatClient standIn = ChatClientFactory.Create(
            new ModelOptions { Provider = ModelProvider.OpenAICompatible, BaseUrl = "http://127.0.0.1:9/v1", ModelName = "unused" });

        NotSupportedException failure = Assert.Throws<NotSupportedException>(() => ChatClientFactory.Create(options));

        Assert.Contains("offline writer", failure.Message, StringComparison.Ordinal);
        Assert.Same(standIn, ChatClientFactory.Create(options, offlineWriter: () => standIn));
    }

    [Fact]
    public void Options_validator_fails_start_up_with_every_problem()
    {
        var validator = new OptionsValidation<ModelOptions>();

        ValidateOptionsResult result = validator.Validate(null, new ModelOptions { Provider = ModelProvider.OpenAICompatible });

        Assert.True(result.Failed);
        Assert.Equal(["Model:BaseUrl is required", "Model:ModelName is required for an OpenAI-compatible endpoint"], result.Failures);
    }
}
