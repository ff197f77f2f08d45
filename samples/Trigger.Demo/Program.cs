using System.Runtime.InteropServices;
using Trigger.Demo;

// dotnet run --project samples/Trigger.Demo
// A whole migration on this machine, narrated; the exit code says whether everything went as expected.
if (args.Length > 0)
{
    Console.Error.WriteLine("The demo takes no arguments. To change what it does, edit samples/old-pool-users.json and samples/app-traffic.json.");
    return DemoRun.CouldNotRun;
}

using var stop = new CancellationTokenSource();

// The first Ctrl+C (or SIGTERM) stops the demo and lets it clean up; a second one ends it at once.
void OnSignal(PosixSignalContext signal)
{
    if (!stop.IsCancellationRequested)
    {
        signal.Cancel = true;
        stop.Cancel();
    }
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
return await DemoRun.RunAsync(stop.Token);
