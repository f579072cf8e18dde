using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.Local.Cli;
using RecurrentGpt.Local.Hosting;

// rgpt: the one-machine host. Bad input ends in one clear line and a non-zero exit, never a stack trace.
using var stop = new StopSignals();
Console.CancelKeyPress += (_, e) => e.Cancel = stop.Interrupt();

// A stop from a service manager or `kill` (SIGTERM) pauses as cleanly as Ctrl-C, but does not wait for a model call in flight.
using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Terminate();
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
        return ExitCodes.Done;
    }

    if (command is "version" or "--version")
    {
        Console.WriteLine(RgptVersion.Line);
        return ExitCodes.Done;
    }

    // Arguments are checked before anything starts, so a typo never starts Azurite or a model.
    Arguments arguments = command switch
    {
        "write" => new Arguments(rest, WriteCommand.Options),
        "resume" => new Arguments(rest, ResumeCommand.Options),
        "list" => new Arguments(rest, []),
        "show" => new Arguments(rest, [], ShowCommand.Flags),
        "check" => new Arguments(rest, []),
        "rewind" or "restore" or "branches" => new Arguments(rest, []),
        "fork" => new Arguments(rest, LineCommands.ForkOptions),
        "log" => new Arguments(rest, []),
        "export" => new Arguments(rest, ExportCommand.Options),
        "serve" => new Arguments(rest, ServeCommand.Options),
        _ => throw new UsageException($"unknown command \"{command}\"; run rgpt help"),
    };
    if (command == "write")
    {
        WriteCommand.CheckPremise(arguments);
    }

    ModelChoice model = await ModelSetup.ChooseAsync(configuration, stop.Pause);

    // What a command prints as its result stays alone on stdout (list, show --json, export to stdout); notes go to stderr.
    TextWriter notices = command is "list" or "show" or "export" or "check" or "branches" or "log" ? Console.Error : Console.Out;
    var hosts = new LocalStoryHostFactory(LocalPaths.FromEnvironment(), model, configuration, notices);
    return command switch
    {
        "write" => await new WriteCommand(model, hosts, Console.In, Console.Out, stop).RunAsync(arguments, stop.Pause),
        "resume" => await new ResumeCommand(model, hosts, Console.In, Console.Out, stop).RunAsync(arguments, stop.Pause),
        "list" => await new ListCommand(hosts, Console.Out).RunAsync(arguments, stop.Pause),
        "show" => await new ShowCommand(hosts, Console.Out).RunAsync(arguments, stop.Pause),
        "check" => await new CheckCommand(hosts, Console.Out).RunAsync(arguments, stop.Pause),
        "rewind" => await new LineCommands(hosts, Console.Out).RewindAsync(arguments, stop.Pause),
        "restore" => await new LineCommands(hosts, Console.Out).RestoreAsync(arguments, stop.Pause),
        "branches" => await new LineCommands(hosts, Console.Out).BranchesAsync(arguments, stop.Pause),
        "fork" => await new LineCommands(hosts, Console.Out).ForkAsync(arguments, stop.Pause),
        "log" => await new LineCommands(hosts, Console.Out).LogAsync(arguments, stop.Pause),
        "serve" => await new ServeCommand(model, hosts, configuration, Console.Out).RunAsync(arguments, stop.Pause),
        _ => await new ExportCommand(hosts, Console.Out).RunAsync(arguments, stop.Pause),
    };
}
catch (OptionsValidationException ex)
{
    // A setting the shared composition root checks at start-up: one line naming each, as on Azure's start-up log.
    Console.Error.WriteLine($"rgpt: the settings are not usable: {string.Join("; ", ex.Failures)}");
    return ExitCodes.Usage;
}
catch (UsageException ex)
{
    Console.Error.WriteLine($"rgpt: {ex.Message}");
    return ExitCodes.Usage;
}
catch (Exception ex) when (SettingProblems.TryDescribe(ex, out string? problem))
{
    Console.Error.WriteLine($"rgpt: {problem}");
    return ExitCodes.Usage;
}
catch (OperationCanceledException) when (stop.Pause.IsCancellationRequested)
{
    Console.Error.WriteLine("rgpt: stopped before the story started; nothing was written.");
    return ExitCodes.Interrupted;
}
catch (Exception ex) when (ex is ModelOutputException or ModelUnavailableException)
{
    Console.Error.WriteLine($"rgpt: the model failed: {ex.Message}");
    return ExitCodes.NeedsAttention;
}
catch (Exception ex) when (Environment.GetEnvironmentVariable("RGPT_DEBUG") is not "1")
{
    // Whatever else went wrong (storage that stopped answering mid-run, a bug): one line, and the way to see more.
    Console.Error.WriteLine($"rgpt: {OneLine(ex)} (RGPT_DEBUG=1 shows the details)");
    return ExitCodes.Failed;
}

static string OneLine(Exception ex)
{
    Exception inner = ex is AggregateException { InnerExceptions.Count: > 0 } aggregate ? aggregate.InnerExceptions[0] : ex;
    string message = inner.Message.ReplaceLineEndings(" ");
    return $"{inner.GetType().Name}: {(message.Length > 300 ? message[..300] + "…" : message)}";
}
