using Microsoft.Extensions.Configuration;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.Local.Cli;

// rgpt: the one-machine host. Bad input ends in one clear line and a non-zero exit, never a stack trace.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

IConfiguration configuration = new ConfigurationBuilder()
    .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "rgpt.json"), optional: true)
    .AddEnvironmentVariables("RGPT_")
    .Build();

try
{
    string command = args.Length == 0 ? "help" : args[0];
    switch (command)
    {
        case "write":
            var arguments = new Arguments(args.Skip(1), WriteCommand.Options);
            ModelChoice model = await ModelSetup.ChooseAsync(configuration, cancellation.Token);
            return await new WriteCommand(model, Console.In, Console.Out).RunAsync(arguments, cancellation.Token);
        case "help" or "--help" or "-h":
            Console.WriteLine(Help.Text);
            return 0;
        default:
            throw new UsageException($"unknown command \"{command}\"; run rgpt help");
    }
}
catch (UsageException ex)
{
    Console.Error.WriteLine($"rgpt: {ex.Message}");
    return 2;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("rgpt: stopped; every paragraph written so far is in the output file.");
    return 130;
}
catch (Exception ex) when (ex is ModelOutputException or ModelUnavailableException)
{
    Console.Error.WriteLine($"rgpt: the model failed: {ex.Message} Every paragraph written so far is in the output file.");
    return 3;
}
