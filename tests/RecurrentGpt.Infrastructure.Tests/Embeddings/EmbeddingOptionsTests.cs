using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using RecurrentGpt.Infrastructure.Embeddings;

namespace RecurrentGpt.Infrastructure.Tests.Embeddings;

public sealed class EmbeddingOptionsTests
{
    [Fact]
    public void Options_bind_from_the_Embeddings_section()
    {
        IConfiguration configuration = Configuration(new()
        {
            ["Embeddings:Provider"] = "AzureOpenAI",
            ["Embeddings:Endpoint"] = "https://story.openai.azure.com/",
            ["Embeddings:Deployment"] = "text-embedding-3-small",
            ["Embeddings:ApiKey"] = "k",
            ["Embeddings:Dimensions"] = "256",
        });

        EmbeddingOptions options = EmbeddingOptions.FromConfiguration(configuration);

        Assert.Equal(EmbeddingProvider.AzureOpenAI, options.Provider);
        Assert.Equal("https://story.openai.azure.com/", options.Endpoint);
        Assert.Equal("text-embedding-3-small", options.Deployment);
        Assert.Equal("k", options.ApiKey);
        Assert.Equal(256, options.Dimensions);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Without_a_section_the_local_model_is_used()
    {
        EmbeddingOptions options = EmbeddingOptions.FromConfiguration(Configuration([]));

        Assert.Equal(EmbeddingProvider.MiniLm, options.Provider);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Azure_without_endpoint_or_deployment_names_both_settings()
    {
        var options = new EmbeddingOptions { Provider = EmbeddingProvider.AzureOpenAI };

        IReadOnlyList<string> problems = options.Validate();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, problem => problem.StartsWith("Embeddings:Endpoint is required", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.StartsWith("Embeddings:Deployment is required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://story.openai.azure.com/", true)]
    [InlineData("http://127.0.0.1:5000/", true)]
    [InlineData("http://localhost:5000/", true)]
    [InlineData("http://story.openai.azure.com/", false)]
    [InlineData("story.openai.azure.com", false)]
    [InlineData("ftp://story.openai.azure.com/", false)]
    public void Azure_endpoint_must_be_https_unless_loopback(string endpoint, bool accepted)
    {
        var options = new EmbeddingOptions { Provider = EmbeddingProvider.AzureOpenAI, Endpoint = endpoint, Deployment = "d" };

        IReadOnlyList<string> problems = options.Validate();

        Assert.Equal(accepted, problems.Count == 0);
        Assert.All(problems, problem => Assert.StartsWith("Embeddings:Endpoint must", problem, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(EmbeddingProvider.MiniLm, 384, true)]
    [InlineData(EmbeddingProvider.MiniLm, 512, false)]
    [InlineData(EmbeddingProvider.AzureOpenAI, 512, true)]
    [InlineData(EmbeddingProvider.AzureOpenAI, 0, false)]
    public void Dimensions_must_fit_the_provider(EmbeddingProvider provider, int dimensions, bool accepted)
    {
        var options = new EmbeddingOptions { Provider = provider, Endpoint = "https://story.openai.azure.com/", Deployment = "d", Dimensions = dimensions };

        IReadOnlyList<string> problems = options.Validate();

        Assert.Equal(accepted, problems.Count == 0);
        Assert.All(problems, problem => Assert.StartsWith("Embeddings:Dimensions must", problem, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_provider_is_named()
    {
        var options = new EmbeddingOptions { Provider = (EmbeddingProvider)7 };

        Assert.Equal(["Embeddings:Provider must be MiniLm or AzureOpenAI; got '7'."], options.Validate());
    }

    [Fact]
    public void Problems_never_echo_the_api_key()
    {
        var options = new EmbeddingOptions { Provider = EmbeddingProvider.AzureOpenAI, Endpoint = "http://example.com", ApiKey = "secret-key-value", Dimensions = -1 };

        Assert.All(options.Validate(), problem => Assert.DoesNotContain("secret-key-value", problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Start_up_validation_reports_the_same_problems()
    {
        var options = new EmbeddingOptions { Provider = EmbeddingProvider.AzureOpenAI };

        ValidateOptionsResult result = new OptionsValidation<EmbeddingOptions>().Validate(Options.DefaultName, options);

        Assert.True(result.Failed);
        Assert.Equal(options.Validate(), result.Failures);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
