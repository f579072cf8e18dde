using Microsoft.Extensions.Logging;

namespace RecurrentGpt.Local.Runtime;

/// <summary>
/// Recognises DurableTask.AzureStorage's warning that a control-queue message arrived out of order and was put back
/// (event 118, <c>ReceivedOutOfOrderMessage</c>: "{instance}: Message {event} was received out of order and will be
/// temporarily returned back to {partition}"). A few can be transient; a steady stream means a message that can never
/// be applied, such as a timer from an earlier generation re-delivered after <c>ContinueAsNew</c>.
/// </summary>
public static class OutOfOrderMessages
{
    public const string Category = "DurableTask.AzureStorage";
    public const int EventId = 118;
    public const string EventName = "ReceivedOutOfOrderMessage";
    private const string MessageText = "was received out of order";

    public static bool IsOutOfOrderWarning(string category, EventId eventId, string message) =>
        category == Category
        && (eventId.Id == EventId || eventId.Name == EventName || message.Contains(MessageText, StringComparison.Ordinal));

    public static bool IsOutOfOrderWarning(RuntimeLogEntry entry) =>
        entry.Level >= LogLevel.Warning && IsOutOfOrderWarning(entry.Category, entry.EventId, entry.Message);

    public static int Count(IEnumerable<RuntimeLogEntry> entries) => entries.Count(IsOutOfOrderWarning);
}
