using Trigger.Aws;
using Trigger.Function;
using Trigger.Function.Configuration;
using Trigger.Function.Logging;
using Trigger.Function.Runtime;

// The Lambda custom runtime's entry point (the executable named bootstrap): read the settings, build the
// clients once, then serve events from the Runtime API until the environment is shut down.
var environment = ProcessEnvironmentVariables.Instance;
var time = TimeProvider.System;
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

using (var warmUp = new CancellationTokenSource(TimeSpan.FromSeconds(2), time))
{
    await composition.WarmUpAsync(log, warmUp.Token);
}

log.Event(LogLevel.Info, "ready");
await new RuntimeLoop(runtimeApi, composition.Dispatcher, type => log.Event(LogLevel.Error, $"unexpected failure ({type}); answered with a generic error"))
    .RunAsync(CancellationToken.None);
return 0;
