using Microsoft.Extensions.Configuration;
using RecurrentGpt.Local.Cli;

namespace RecurrentGpt.Local.Hosting;

/// <summary>
/// Starts the local host on demand, so commands that fail on their arguments never start Azurite; and says on
/// <paramref name="notices"/> which storage the host uses, the moment it is known.
/// </summary>
internal sealed class LocalStoryHostFactory(LocalPaths paths, ModelChoice model, IConfiguration configuration, TextWriter notices)
{
    /// <param name="takesWork">
    /// False for commands that only read or signal (list, show, export): their runtime claims no partition and runs no
    /// step, so it never holds work that a writing rgpt would then have to wait for.
    /// </param>
    public async Task<LocalStoryHost> StartAsync(CancellationToken cancellationToken, bool takesWork = true)
    {
        LocalStoryHost host = await LocalStoryHost.StartAsync(
            paths, model, configuration, cancellationToken, takesWork ? null : runtime => runtime.ProcessesWork = false);
        notices.WriteLine(host.Storage);
        return host;
    }
}
