using Trigger.Testing.Lambda;

namespace Trigger.IntegrationTests.Testing.Lambda;

/// <summary>
/// The TEST-ONLY echo runtime (tests/Trigger.Testing.EchoRuntime, copied into this output folder by a
/// project reference): a stand-in function that lets these tests drive every Runtime API path. Never shipped.
/// </summary>
internal static class EchoRuntime
{
    public static RuntimeCommand Command =>
        RuntimeCommand.DotnetAssembly(Path.Combine(AppContext.BaseDirectory, "Trigger.Testing.EchoRuntime.dll"));

    /// <summary>Bridge options for the echo runtime; generous budgets so a loaded machine never times out by accident.</summary>
    public static LambdaRuntimeBridgeOptions Options(
        TimeSpan? timeout = null,
        bool shims = false,
        IReadOnlyDictionary<string, string>? environment = null,
        string? logFormat = null) => new()
        {
            Runtime = Command,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
            InitTimeout = TimeSpan.FromSeconds(60),
            CognitoLocalShims = shims,
            Environment = environment ?? new Dictionary<string, string>(),
            LogFormat = logFormat,
        };

    /// <summary>A bound for every wait in a test, so none can hang the run.</summary>
    public static CancellationTokenSource TestBudget() => new(TimeSpan.FromMinutes(2));
}
