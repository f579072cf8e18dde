using Microsoft.Extensions.Configuration;
using RecurrentGpt.Local.Cli;

namespace RecurrentGpt.Local.Hosting;

/// <summary>Starts the local host on demand, so commands that fail on their arguments never start Azurite.</summary>
internal sealed class LocalStoryHostFactory(LocalPaths paths, ModelChoice model, IConfiguration configuration)
{
    public Task<LocalStoryHost> StartAsync(CancellationToken cancellationToken) => LocalStoryHost.StartAsync(paths, model, configuration, cancellationToken);
}
