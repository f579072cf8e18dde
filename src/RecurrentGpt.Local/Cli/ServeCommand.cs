using System.Net;
using Microsoft.Extensions.Configuration;
using RecurrentGpt.Local.Hosting;
using RecurrentGpt.Local.Serve;

namespace RecurrentGpt.Local.Cli;

/// <summary>
/// <c>rgpt serve [--port P] [--host ADDRESS]</c>: the v1 HTTP API and the writer's studio over the local runtime until
/// Ctrl-C, on 127.0.0.1 unless told otherwise. Stories keep their durable state when it stops; the next start picks them up.
/// </summary>
/// <remarks>Warnings and errors go to <paramref name="errors"/> (stderr by default) and to a daily log under the data folder.</remarks>
internal sealed class ServeCommand(ModelChoice model, LocalStoryHostFactory hosts, IConfiguration configuration, TextWriter output, TextWriter? errors = null)
{
    public const int DefaultPort = 7071;

    public static readonly string[] Options = ["port", "host"];

    public async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        if (args.Positional.Count != 0)
        {
            throw new UsageException("serve takes no arguments besides --port and --host");
        }

        int port = args.Number("port", DefaultPort, 1, 65535);
        IPAddress bind = args.Text("host") is string host
            ? IPAddress.TryParse(host, out IPAddress? parsed) ? parsed : throw new UsageException($"--host must be an IP address, not \"{host}\"")
            : IPAddress.Loopback;
        ServeOptions options = ServeOptions.From(configuration);
        LocalApiKey key = LocalApiKey.CreateOrUse(options.ApiKey);
        using var log = new ServeLog(errors ?? Console.Error, new ServeLogFile(Path.Combine(LocalPaths.FromEnvironment().DataFolder, "logs"), TimeProvider.System), TimeProvider.System);

        output.WriteLine($"Model: {model.Description}");
        await using LocalStoryHost storyHost = await hosts.StartAsync(cancellationToken);
        LocalApiServer server;
        try
        {
            server = await LocalApiServer.StartAsync(bind, port, key, options, storyHost.Runtime.Services, log, cancellationToken);
        }
        catch (IOException ex)
        {
            throw new UsageException($"cannot listen on {bind}:{port}: {ex.Message} (choose another with --port)");
        }

        await using (server)
        {
            output.WriteLine($"Serving the v1 API at {server.Address}api (OpenAPI: {server.Address}api/openapi.json)");
            output.WriteLine($"Key for changes (header {LocalApiKey.Header}): {key.Value}");
            output.WriteLine($"Studio: {server.StudioAddress(key)}");
            output.WriteLine($"Warnings and errors: stderr and {log.FileFolder}{Path.DirectorySeparatorChar}serve-YYYYMMDD.log");
            if (!IPAddress.IsLoopback(bind))
            {
                output.WriteLine($"Warning: listening on {bind}, not only this machine; anyone who can reach it can read the stories.");
            }

            model.SayIfOffline(output);
            output.WriteLine("Ctrl-C stops the server; stories keep their state and continue at the next start.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            output.WriteLine("Stopping.");
        }

        return 0;
    }
}
