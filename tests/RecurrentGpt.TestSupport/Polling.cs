using System.Diagnostics;

namespace RecurrentGpt.TestSupport;

/// <summary>Tests wait by polling with a deadline, never by sleeping a fixed time: this is that loop, once.</summary>
public static class Polling
{
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(60);

    /// <summary>Reads until <paramref name="done"/> holds and returns that reading; past the limit, fails with <paramref name="describe"/> of the last one.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, Func<T?, string> describe, TimeSpan? limit = null)
    {
        TimeSpan deadline = limit ?? DefaultLimit;
        var clock = Stopwatch.StartNew();
        T? last = default;
        do
        {
            last = await read();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(100);
        }
        while (clock.Elapsed < deadline);

        throw new TimeoutException($"not reached in {deadline.TotalSeconds} s; last: {describe(last)}");
    }
}
