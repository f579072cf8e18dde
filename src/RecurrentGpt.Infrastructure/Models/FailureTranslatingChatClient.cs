using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace RecurrentGpt.Infrastructure.Models;

/// <summary>Lets callers handle one typed failure, Core's ModelUnavailableException, whatever SDK answers below.</summary>
internal sealed class FailureTranslatingChatClient(IChatClient inner, ModelFailures failures) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception exception) when (failures.Translate(exception, cancellationToken) is { } unavailable)
        {
            throw unavailable;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using IAsyncEnumerator<ChatResponseUpdate> updates =
            base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            ChatResponseUpdate update;
            try
            {
                if (!await updates.MoveNextAsync())
                {
                    yield break;
                }

                update = updates.Current;
            }
            catch (Exception exception) when (failures.Translate(exception, cancellationToken) is { } unavailable)
            {
                throw unavailable;
            }

            yield return update;
        }
    }
}
