using Trigger.Aws;
using Trigger.Function;
using Trigger.Function.Configuration;
using Trigger.Function.Logging;
using Trigger.Function.Runtime;

// The Lambda custom runtime's entry point (the executable named bootstrap): read the settings, build the
// clients once, then serve events from the Runtime API until the environment is shut down.
var time = TimeProvider.System;
var processStart = ProcessStartTime.Read(time);
var environment = ProcessEnvironmentVariables.Instance;
var log = InvocationLogger.FromEnvironment(Console.Out, environment.Get, time);

if (environment.Get("AWS_LAMBDA_RUNTIME_API") is not { Length: > 0 } runtimeApiAddress)
{
    await Console.Error.WriteLineAsync(
        "AWS_LAMBDA_RUNTIME_API is not set: bootstrap is a Lambda custom runtime and runs inside Lambda or behind a Runtime API emulator.");
    return 2;
}

var runtimeApi = RuntimeApiClient.Create(runtimeApiAddress);
TriggerComposition composition;
try
{
    composition = TriggerComposition.Create(TriggerSettings.Load(environment.Get), environment, time, log);
}
catch (Exception e) when (e is SettingsException or AwsConfigurationException)
{
    // One line naming the variable, to the log and to Lambda (shown as the init error).
    log.Event(LogLevel.Fatal, e.Message);
    await runtimeApi.FailInitAsync("InvalidConfiguration", e.Message, CancellationToken.None);
    return 1;
}

// The warm-up (client secret, assumed-role credentials) runs beside the loop, not before it: the event
// that caused a cold start has been waiting since the process started, and an event that needs neither
// must not wait for them. One that needs them waits on the same fetch, inside its own budget.
// Bounded so a hung fetch cannot hold the gate forever; an invocation that needs the secret retries in its budget.
using var warmUpLimit = new CancellationTokenSource(TimeSpan.FromSeconds(10), time);
var warmUp = composition.WarmUpAsync(log, warmUpLimit.Token);

log.Event(LogLevel.Info, "ready");
await new RuntimeLoop(
        runtimeApi,
        composition.Dispatcher,
        time,
        processStart,
        type => log.Event(LogLevel.Error, $"unexpected failure ({type}); answered with a generic error"))
    .RunAsync(CancellationToken.None);
await warmUp;
return 0;

