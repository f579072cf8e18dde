using System.Diagnostics;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Infrastructure.Storage;

namespace RecurrentGpt.Local.Tests.Cli;

/// <summary>Reads the stories an rgpt child process writes, straight from the storage it uses, polling with a deadline.</summary>
internal sealed class StoredStories(string connectionString)
{
    private readonly StorageClients _storage = new(new StorageOptions { ConnectionString = connectionString });

    public StoryStateStore States => new(_storage);

    public async Task<StoryState?> GetAsync(string id) => (await States.GetAsync(id, CancellationToken.None))?.State;

    /// <summary>Polls the state row until <paramref name="condition"/> holds; fails early when <paramref name="process"/> exits.</summary>
    public async Task<StoryState> WaitForAsync(string id, Func<StoryState, bool> condition, RgptProcess? process, TimeSpan? limit = null)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < (limit ?? TimeSpan.FromMinutes(2)))
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"rgpt exited early:\n{process.Output}");
            }

            try
            {
                if (await GetAsync(id) is StoryState state && condition(state))
                {
                    return state;
                }
            }
            catch (Azure.RequestFailedException)
            {
                // The table may not exist yet while rgpt starts.
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"story {id} never reached the expected state; rgpt said:\n{process?.Output}");
    }
}
