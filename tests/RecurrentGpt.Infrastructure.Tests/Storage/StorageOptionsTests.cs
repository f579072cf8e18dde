using Azure.Core;
using Microsoft.Extensions.Configuration;
using RecurrentGpt.Infrastructure.Storage;

namespace RecurrentGpt.Infrastructure.Tests.Storage;

public sealed class StorageOptionsTests
{
    [Fact]
    public void Without_a_section_Azurite_and_the_stories_container_are_used()
    {
        StorageOptions options = StorageOptions.FromConfiguration(new ConfigurationBuilder().Build());

        Assert.Equal("UseDevelopmentStorage=true", options.ConnectionString);
        Assert.Equal("stories", options.ContainerName);
        Assert.False(options.UsesTokenCredential);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Service_uris_bind_from_the_Storage_section_and_select_token_sign_in()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:BlobServiceUri"] = "https://acct.blob.core.windows.net/",
            ["Storage:TableServiceUri"] = "https://acct.table.core.windows.net/",
            ["Storage:ContainerName"] = "tales",
        }).Build();

        StorageOptions options = StorageOptions.FromConfiguration(configuration);
        var clients = new StorageClients(options, new NoTokenCredential());

        Assert.True(options.UsesTokenCredential);
        Assert.Empty(options.Validate());
        Assert.Equal("tales", clients.Container.Name);
        Assert.Equal("https://acct.blob.core.windows.net/tales", clients.Container.Uri.ToString());
        Assert.Equal(["StoryMemory", "Stories", "DueWork"], new[] { clients.StoryMemory.Name, clients.Stories.Name, clients.DueWork.Name });
    }

    [Theory]
    [InlineData("https://acct.blob.core.windows.net/", null, "Storage:TableServiceUri is required")]
    [InlineData("http://acct.blob.core.windows.net/", "https://acct.table.core.windows.net/", "Storage:BlobServiceUri must use https")]
    [InlineData("acct.blob.core.windows.net", "https://acct.table.core.windows.net/", "Storage:BlobServiceUri must be an absolute https URI")]
    public void Service_uris_must_come_in_pairs_and_use_https(string? blob, string? table, string problem)
    {
        var options = new StorageOptions { BlobServiceUri = blob, TableServiceUri = table };

        Assert.Contains(options.Validate(), p => p.StartsWith(problem, StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new StorageClients(options, new NoTokenCredential()));
    }

    [Theory]
    [InlineData("Stories")]
    [InlineData("st")]
    [InlineData("my--stories")]
    [InlineData("-stories")]
    public void Container_name_follows_the_blob_service_rules(string name)
    {
        var options = new StorageOptions { ContainerName = name };

        Assert.Contains(options.Validate(), p => p.StartsWith("Storage:ContainerName", StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_connection_string_without_uris_is_named()
    {
        var options = new StorageOptions { ConnectionString = " " };

        Assert.Contains(options.Validate(), p => p.StartsWith("Storage:ConnectionString is required", StringComparison.Ordinal));
    }

    private sealed class NoTokenCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No request is made in these tests.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No request is made in these tests.");
    }
}
