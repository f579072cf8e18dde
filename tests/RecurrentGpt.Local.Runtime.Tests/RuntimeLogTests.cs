using Microsoft.Extensions.Logging;

namespace RecurrentGpt.Local.Runtime.Tests;

public sealed class RuntimeLogTests
{
    // As DurableTask.AzureStorage 2.11 writes it (LogEvents.ReceivedOutOfOrderMessage).
    private const string OutOfOrderText =
        "ring-1: Message [TimerFired#3] was received out of order and will be temporarily returned back to hub-control-02";

    [Fact]
    public void Out_of_order_warning_from_the_engine_is_counted()
    {
        var log = new RuntimeLog(capacity: 10);
        ILogger engine = log.CreateLogger(OutOfOrderMessages.Category);

        engine.Log(LogLevel.Warning, new EventId(118, "ReceivedOutOfOrderMessage"), OutOfOrderText, null, (text, _) => text);

        Assert.Equal(1, log.OutOfOrderMessageCount);
        Assert.Equal(1, OutOfOrderMessages.Count(log.Entries));
    }

    [Fact]
    public void Other_engine_warnings_and_other_categories_are_not_counted()
    {
        var log = new RuntimeLog(capacity: 10);

        log.CreateLogger(OutOfOrderMessages.Category).LogWarning(new EventId(104, "AbandoningMessage"), "Abandoning [EventRaised] message");
        log.CreateLogger("RecurrentGpt.Story").LogWarning("a story line that quotes: {Text}", OutOfOrderText);

        Assert.Equal(0, log.OutOfOrderMessageCount);
    }

    [Fact]
    public void Log_keeps_only_the_newest_lines_but_never_forgets_the_out_of_order_count()
    {
        var log = new RuntimeLog(capacity: 3);
        ILogger engine = log.CreateLogger(OutOfOrderMessages.Category);
        engine.Log(LogLevel.Warning, new EventId(118, "ReceivedOutOfOrderMessage"), OutOfOrderText, null, (text, _) => text);

        for (int line = 0; line < 5; line++)
        {
            engine.LogWarning("line {Line}", line);
        }

        Assert.Equal(["line 2", "line 3", "line 4"], log.Entries.Select(entry => entry.Message));
        Assert.Equal(1, log.OutOfOrderMessageCount);
    }
}
