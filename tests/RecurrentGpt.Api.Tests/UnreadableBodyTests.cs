using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Api.Tests;

/// <summary>A body that breaks below HTTP while it is read is the client's malformed request on every host, not a 500.</summary>
public class UnreadableBodyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Port = 29174;

    [Fact]
    public async Task Body_whose_read_fails_with_an_io_error_is_400_malformed_body()
    {
        await using WorkflowHarness harness = await WorkflowHarness.StartAsync(azurite, Port);
        HttpCall call = HttpCall.To("POST", "/api/stories").WithBody("{\"topic\":\"x\"}");
        call.Request.Body = new BrokenStream();

        HttpAnswer answer = await new ApiDriver(harness).SendAsync(call, "CreateStory");

        Assert.Equal((400, "malformed-body"), (answer.Status, answer.ProblemType));
    }

    /// <summary>What a server hands the handler for a chunk size it cannot parse: a read that throws a bare IOException.</summary>
    private sealed class BrokenStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new IOException("The chunk size is too large.");
    }
}
