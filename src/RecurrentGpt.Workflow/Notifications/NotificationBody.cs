using System.Text.Json;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Workflow.Contracts;

namespace RecurrentGpt.Workflow.Notifications;

/// <summary>
/// The JSON a subscriber receives: camelCase names, enums as kebab-case ("plans-awaiting-choice", "awaiting-choice"),
/// absent parts left out. <paramref name="Plans"/> only while plans await a choice, <paramref name="Reason"/> only when the
/// story needs attention, <paramref name="Episode"/> (episodes published) only for serials.
/// </summary>
public sealed record NotificationBody(
    string StoryId,
    NotificationKind Kind,
    int Step,
    StoryStatus Status,
    int ParagraphCount,
    string Title,
    IReadOnlyList<string>? Plans,
    string? Reason,
    int? Episode,
    DateTimeOffset SentAt)
{
    /// <summary>Stable per notification, so a receiver can recognise a retried delivery: <c>{storyId}-{kind}-{step}</c>.</summary>
    public static string DeliveryId(Notification notification) =>
        $"{notification.StoryId}-{KindName(notification.Kind)}-{notification.Step}";

    public static string KindName(NotificationKind kind) => ContractJson.Name(kind);

    // The contract's own JSON: what a subscriber receives reads like what the API answers.
    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, ContractJson.Options);
}
