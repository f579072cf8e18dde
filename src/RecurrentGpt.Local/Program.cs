using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.Local.Cli;
using RecurrentGpt.Local.Hosting;

// rgpt: the one-machine host. Bad input ends in one clear line and a non-zero exit, never a stack trace.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl-C pauses the story cleanly; a second one ends the process at once.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

// A stop from a service manager or `kill` (SIGTERM) is as clean as Ctrl-C: stories pause, and the Azurite rgpt started stops.
using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

IConfiguration configuration = new ConfigurationBuilder()
    .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "rgpt.json"), optional: true)
    .AddEnvironmentVariables("RGPT_")
    .Build();

try
{
    string command = args.Length == 0 ? "help" : args[0];
    string[] rest = args.Skip(1).ToArray();
    if (command is "help" or "--help" or "-h")
    {
        Console.WriteLine(Help.Text);
        return 0;
    }

    // Arguments are checked before anything starts, so a typo never starts Azurite or a model.
    Arguments arguments = command switch
    {
        "write" => new Arguments(rest, WriteCommand.Options),
        "resume" => new Arguments(rest, ResumeCommand.Options),
        "list" => new Arguments(rest, []),
        "show" => new Arguments(rest, [], ShowCommand.Flags),
        "export" => new Arguments(rest, ExportCommand.Options),
        "serve" => new Arguments(rest, ServeCommand.Options),
        _ => throw new UsageException($"unknown command \"{command}\"; run rgpt help"),
    };

    ModelChoice model = await ModelSetup.ChooseAsync(configuration, cancellation.Token);
    var hosts = new LocalStoryHostFactory(LocalPaths.FromEnvironment(), model, configuration);
    return command switch
    {
        "write" => await new WriteCommand(model, hosts, Console.In, Console.Out).RunAsync(arguments, cancellation.Token),
        "resume" => await new ResumeCommand(model, hosts, Console.In, Console.Out).RunAsync(arguments, cancellation.Token),
        "list" => await new ListCommand(hosts, Console.Out).RunAsync(arguments, cancellation.Token),
        "show" => await new ShowCommand(hosts, Console.Out).RunAsync(arguments, cancellation.Token),
        "serve" => await new ServeCommand(model, hosts, configuration, Console.Out).RunAsync(arguments, cancellation.Token),
        _ => await new ExportCommand(hosts, Console.Out).RunAsync(arguments, cancellation.Token),
    };
}
catch (OptionsValidationException ex)
{
    // A setting the shared composition root checks at start-up: one line naming each, as on Azure's start-up log.
    Console.Error.WriteLine($"rgpt: the settings are not usable: {string.Join("; ", ex.Failures)}");
    return 2;
}
catch (UsageException ex)
{
    Console.Error.WriteLine($"rgpt: {ex.Message}");
    return 2;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("rgpt: stopped before the story started; nothing was written.");
    return 130;
}
catch (Exception ex) when (ex is ModelOutputException or ModelUnavailableException)
{
    Console.Error.WriteLine($"rgpt: the model failed: {ex.Message}");
    return 3;
}
