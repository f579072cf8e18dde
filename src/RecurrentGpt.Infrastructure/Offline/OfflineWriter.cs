using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using RecurrentGpt.Infrastructure.Tokens;

namespace RecurrentGpt.Infrastructure.Offline;

/// <summary>
/// A rehearsal tool, never a model: a deterministic writer that answers the recurrence's own calls with well-formed
/// outputs of realistic length, built from the material it is given. It lets everything run with no model reachable,
/// and it says what it is in its model id.
/// </summary>
public sealed class OfflineWriter : IChatClient
{
    public const string ModelId = "offline-writer";

    private static readonly ChatClientMetadata Metadata = new(ModelId, null, ModelId);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var sent = messages.ToList();
        string reply = OfflineReplies.For(OfflineRequest.Read(sent, options));
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, reply))
        {
            ModelId = ModelId,
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails
            {
                InputTokenCount = sent.Sum(m => TokenCounter.Count(m.Text)),
                OutputTokenCount = TokenCounter.Count(reply),
            },
        };
        response.Usage.TotalTokenCount = response.Usage.InputTokenCount + response.Usage.OutputTokenCount;
        return Task.FromResult(response);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ChatResponse response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (ChatResponseUpdate update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? Metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
