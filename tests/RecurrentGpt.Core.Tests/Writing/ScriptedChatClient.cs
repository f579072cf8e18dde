using Microsoft.Extensions.AI;

namespace RecurrentGpt.Core.Tests.Writing;

/// <summary>Answers each call with the next scripted reply and keeps every request, so a test can count the calls.</summary>
internal sealed class ScriptedChatClient(params string[] replies) : IChatClient
{
    private readonly Queue<string> _replies = new(replies);

    public List<IReadOnlyList<ChatMessage>> Requests { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Requests.Add(messages.ToList());
        if (_replies.Count == 0)
        {
            throw new InvalidOperationException($"call {Requests.Count} was not scripted");
        }

        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, _replies.Dequeue()))
        {
            ModelId = "scripted",
            Usage = new UsageDetails { InputTokenCount = 100, OutputTokenCount = 50 },
        };
        return Task.FromResult(response);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the writer does not stream");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
