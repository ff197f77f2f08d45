using Trigger.Aws;
using Trigger.Cli;
using Trigger.Cli.Hosting;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops the command cleanly; a second one ends the process.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

var host = new CliHost
{
    Out = Console.Out,
    In = Console.In,
    Error = Console.Error,
    Environment = ProcessEnvironmentVariables.Instance,
    OutIsTerminal = !Console.IsOutputRedirected,
    ErrorIsTerminal = !Console.IsErrorRedirected,
};
return await CliApp.RunAsync(args, host, cancellation.Token);
