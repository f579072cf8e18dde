using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using RecurrentGpt.Api.Problems;
using RecurrentGpt.Api.Requests;
using RecurrentGpt.Api.Routes;
using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.Workflow.Choices;
using RecurrentGpt.Workflow.Signing;

namespace RecurrentGpt.Api.Handlers;

/// <summary>
/// <c>POST /api/hooks/plan-choice</c>: a plan choice from another system, trusted by its signature (HMAC-SHA256 over the
/// timestamp and the raw body, a 5-minute window) rather than a key. A delivery id seen before is answered 200 and changes
/// nothing; otherwise the choice is recorded exactly as the API route records it.
/// </summary>
public sealed class PlanChoiceWebhook(ChoiceMaker choices, WebhookDeliveryLog deliveries, IOptions<WebhookOptions> options, TimeProvider time)
{
    /// <summary>What a failure the client did not cause is answered with: the sender may simply deliver again.</summary>
    public static readonly ApiProblem InternalFailure =
        new(500, "internal", "The delivery failed", "the server could not handle the delivery; it is logged, and a redelivery will be handled afresh");

    public async Task<IResult> ReceiveAsync(ApiCall call)
    {
        HttpRequest request = call.Request;
        string secret = options.Value.IsConfigured ? options.Value.Secret! : throw new ApiProblem(503, "webhook-not-configured", "The webhook is not configured", "set Webhook:Secret to receive plan choices");

        // Size first (cheap, and a huge body is refused before it is hashed), then the signature, then everything else.
        byte[] body = await RequestBody.ReadBytesAsync(request, options.Value.MaxBodyBytes, call.Cancellation);
        DateTimeOffset now = time.GetUtcNow();
        string? timestamp = request.Headers[WebhookSignature.TimestampHeader];
        SignatureCheck check = WebhookSignature.Verify(secret, timestamp, request.Headers[WebhookSignature.SignatureHeader], body, now);
        if (check != SignatureCheck.Valid)
        {
            throw Unauthorized(check switch
            {
                SignatureCheck.Missing => $"the {WebhookSignature.TimestampHeader} and {WebhookSignature.SignatureHeader} headers are required",
                SignatureCheck.Malformed => $"{WebhookSignature.TimestampHeader} must be Unix seconds and {WebhookSignature.SignatureHeader} sha256=<64 hex digits>",
                SignatureCheck.OutsideWindow => $"the timestamp is more than {WebhookSignature.Window.TotalMinutes:0} minutes from the server's clock",
                _ => "the signature does not match the body and timestamp",
            });
        }

        string? delivery = request.Headers[WebhookSignature.DeliveryHeader];
        if (!WebhookDeliveryLog.IsValidId(delivery))
        {
            throw Unauthorized($"the {WebhookSignature.DeliveryHeader} header is required: 1 to {WebhookDeliveryLog.MaxIdLength} letters, digits, '-', '_', '.' or ':'");
        }

        ChoiceRequest choice = RequestBody.Parse<ChoiceRequest>(body, request.ContentType);
        string storyId = ApiCall.ValidStoryId(choice.StoryId ?? throw ApiProblem.Invalid("storyId is required"));
        ChoiceIntent intent = ChoiceAnswer.IntentOf(choice);
        DateTimeOffset signedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(timestamp!, System.Globalization.CultureInfo.InvariantCulture));
        if (!await deliveries.TryRememberAsync(delivery!, signedAt, call.Cancellation))
        {
            return ApiResults.Json(200, new DeliveryView(delivery!, "duplicate"));
        }

        try
        {
            return ChoiceAnswer.Of(await choices.MakeAsync(storyId, intent, call.Cancellation), 200);
        }
        catch
        {
            // Not handled after all: forget the id so the sender's retry (after fixing what it sent) is handled afresh.
            await deliveries.ForgetAsync(delivery!, signedAt, CancellationToken.None);
            throw;
        }
    }

    private static ApiProblem Unauthorized(string detail) => new(401, "invalid-signature", "The delivery is not signed correctly", detail);

    public sealed record DeliveryView(string Delivery, string Outcome);
}
