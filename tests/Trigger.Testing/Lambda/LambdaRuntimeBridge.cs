using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Trigger.Testing.Lambda;

/// <summary>
/// A local Lambda for one function, the way AWS's runtime interface emulator works: a loopback HTTP
/// server that is both the Lambda Runtime API for a real runtime process it starts (the shipped
/// <c>bootstrap</c>) and the Lambda Invoke API for callers such as cognito-local.
/// </summary>
/// <remarks>
/// <para>One execution environment, like a function with reserved concurrency 1: invocations run one at
/// a time, in call order. The process starts on the first invoke (a cold start) and is reused while it
/// behaves. After a timeout or an abandoned invocation it is killed, as Lambda resets the environment,
/// and the next invoke starts a fresh one; after an init error or an exit, likewise.</para>
/// <para>The init phase (process start to first <c>next</c>) has its own budget,
/// <see cref="LambdaRuntimeBridgeOptions.InitTimeout"/>; the invocation timeout starts when the runtime
/// receives the event. Use <see cref="Starts"/> to see what a cold start costs.</para>
/// </remarks>
public sealed partial class LambdaRuntimeBridge : IAsyncDisposable
{
    /// <summary>Lambda's 6 MB limit on a synchronous invocation's request and response.</summary>
    internal const int MaxPayloadBytes = 6 * 1024 * 1024;

    private static readonly TimeSpan _stopWait = TimeSpan.FromSeconds(5);

    private readonly LambdaRuntimeBridgeOptions _options;
    private readonly TimeProvider _time;
    private readonly WebApplication _server;
    private readonly CapturedOutput _output = new();
    private readonly SemaphoreSlim _invokeGate = new(1, 1);
    private readonly ConcurrentDictionary<string, PendingInvocation> _inFlight = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly List<RuntimeProcess> _processes = [];
    private readonly List<CognitoLocalShimApplication> _shimApplications = [];
    private RuntimeProcess? _current;
    private int _invocations;
    private int _disposed;

    private LambdaRuntimeBridge(LambdaRuntimeBridgeOptions options)
    {
        _options = options;
        _time = options.TimeProvider;
        FunctionArn = $"arn:aws:lambda:{options.Region}:000000000000:function:{options.FunctionName}";
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddRoutingCore();
        _server = builder.Build();
        MapRuntimeApi(_server);
        MapInvokeApi(_server);
    }

    /// <summary>The bridge's base address, <c>http://127.0.0.1:&lt;port&gt;</c>: cognito-local's <c>LambdaClient.endpoint</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The value the runtime gets as <c>AWS_LAMBDA_RUNTIME_API</c>: <c>127.0.0.1:&lt;port&gt;</c>.</summary>
    public string RuntimeApi => $"{Endpoint.Host}:{Endpoint.Port}";

    /// <summary>The function name the Invoke API answers to (cognito-local's <c>TriggerFunctions.UserMigration</c>).</summary>
    public string FunctionName => _options.FunctionName;

    /// <summary>The function's ARN as the runtime sees it in <c>Lambda-Runtime-Invoked-Function-Arn</c> (account 000000000000).</summary>
    public string FunctionArn { get; }

    /// <summary>How many invocations were made, through either API.</summary>
    public int Invocations => Volatile.Read(ref _invocations);

    /// <summary>How many runtime processes were started (1 + restarts).</summary>
    public int ProcessStarts
    {
        get
        {
            lock (_gate)
            {
                return _processes.Count;
            }
        }
    }

    /// <summary>The cold-start timings of every process started, oldest first.</summary>
    public IReadOnlyList<RuntimeStartTimings> Starts
    {
        get
        {
            lock (_gate)
            {
                return [.. _processes.Select(process => process.Timings)];
            }
        }
    }

    /// <summary>
    /// The operating-system id of the latest runtime process started (alive or not), for example to read
    /// its memory from <c>/proc/&lt;pid&gt;/status</c>; null before the first invoke.
    /// </summary>
    public int? RuntimeProcessId
    {
        get
        {
            lock (_gate)
            {
                return _current?.ProcessId;
            }
        }
    }

    /// <summary>Every Cognito-local shim applied so far, in order (empty unless <see cref="LambdaRuntimeBridgeOptions.CognitoLocalShims"/>).</summary>
    public IReadOnlyList<CognitoLocalShimApplication> ShimApplications
    {
        get
        {
            lock (_gate)
            {
                return [.. _shimApplications];
            }
        }
    }

    /// <summary>Everything the runtime processes wrote to stdout and stderr, line by line in arrival order.</summary>
    public string Output => _output.All;

    /// <summary>Everything the runtime processes wrote to stdout (the function's log lines).</summary>
    public string StandardOutput => _output.StandardOutput;

    /// <summary>Everything the runtime processes wrote to stderr.</summary>
    public string StandardError => _output.StandardError;

    /// <summary>Validates <paramref name="options"/> and starts the server. The runtime process starts on the first invoke.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it. Nothing was started.</exception>
    public static async Task<LambdaRuntimeBridge> StartAsync(LambdaRuntimeBridgeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var bridge = new LambdaRuntimeBridge(options);
        try
        {
            await bridge._server.StartAsync(cancellationToken);
            var address = bridge._server.Services.GetRequiredService<IServer>().Features
                .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            bridge.Endpoint = new Uri(address);
            return bridge;
        }
        catch
        {
            await bridge._server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Invokes the function with <paramref name="eventJson"/> and waits for its answer, its error, its
    /// timeout or its init failure, exactly as the Invoke API would answer it.
    /// </summary>
    /// <param name="eventJson">The event; must be JSON.</param>
    /// <param name="cancellationToken">Abandons the invocation; the runtime is then killed (its event is lost).</param>
    /// <exception cref="ArgumentException"><paramref name="eventJson"/> is not JSON.</exception>
    public Task<LambdaInvocation> InvokeAsync(string eventJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        var triggerEvent = InvocationEvent.TryParse(Encoding.UTF8.GetBytes(eventJson), out var problem)
            ?? throw new ArgumentException($"The event is not valid JSON: {problem}", nameof(eventJson));
        return InvokeAsync(triggerEvent, cancellationToken);
    }

    /// <summary>Kills the runtime process tree and stops the server, each wait bounded.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        RuntimeProcess? current;
        lock (_gate)
        {
            current = _current;
        }

        if (current is not null)
        {
            await current.DisposeAsync();
        }

        using (var stop = new CancellationTokenSource(_stopWait))
        {
            await _server.StopAsync(stop.Token);
        }

        await _server.DisposeAsync();
    }

    private async Task<LambdaInvocation> InvokeAsync(InvocationEvent triggerEvent, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var started = _time.GetTimestamp();
        LambdaInvocation invocation;
        await _invokeGate.WaitAsync(cancellationToken);
        try
        {
            Interlocked.Increment(ref _invocations);
            invocation = await RunAsync(triggerEvent.Body, started, cancellationToken);
        }
        finally
        {
            _invokeGate.Release();
        }

        if (!_options.CognitoLocalShims)
        {
            return invocation;
        }

        var (shimmed, applied) = CognitoLocalShims.Apply(triggerEvent, invocation);
        if (applied is { } shim)
        {
            lock (_gate)
            {
                _shimApplications.Add(new CognitoLocalShimApplication(invocation.RequestId, shim));
            }
        }

        return shimmed;
    }

    private async Task<LambdaInvocation> RunAsync(byte[] eventBody, long started, CancellationToken cancellationToken)
    {
        var pending = new PendingInvocation(Guid.NewGuid().ToString(), eventBody);
        var (runtime, coldStart) = await EnsureRuntimeAsync();
        _inFlight[pending.RequestId] = pending;
        try
        {
            // A closed queue means the runtime is already gone; its Failed task reports why.
            runtime.Events.Writer.TryWrite(pending);
            return await AwaitOutcomeAsync(runtime, pending, coldStart, started, cancellationToken);
        }
        finally
        {
            _inFlight.TryRemove(pending.RequestId, out _);
        }
    }

    private async Task<LambdaInvocation> AwaitOutcomeAsync(
        RuntimeProcess runtime, PendingInvocation pending, bool coldStart, long started, CancellationToken cancellationToken)
    {
        LambdaInvocation Outcome(LambdaInvocationStatus status, string payload, string? type, string? message, DateTimeOffset? deadline) => new()
        {
            RequestId = pending.RequestId,
            Status = status,
            Payload = payload,
            ErrorType = type,
            ErrorMessage = message,
            Deadline = deadline,
            ColdStart = coldStart,
            Duration = _time.GetElapsedTime(started),
        };

        LambdaInvocation Failure(LambdaInvocationStatus status, string type, string message, DateTimeOffset? deadline) =>
            Outcome(status, LambdaErrorDocument.Create(type, message), type, message, deadline);

        // Phase 1: the runtime takes the event (after its init, on a cold start).
        await WhenFirstAsync(pending.Taken, runtime.Failed, _options.InitTimeout, cancellationToken);
        if (!pending.Taken.IsCompleted)
        {
            if (runtime.Failed.IsCompleted)
            {
                var (type, message, body) = runtime.Failed.Result.Describe(pending.RequestId);
                var status = runtime.InitDone ? LambdaInvocationStatus.FunctionError : LambdaInvocationStatus.InitFailed;
                return Outcome(status, body, type, message, null);
            }

            runtime.Poison();
            cancellationToken.ThrowIfCancellationRequested();
            return runtime.InitDone
                ? Failure(LambdaInvocationStatus.TimedOut, "Sandbox.Timedout", TimedOutMessage(pending.RequestId, _options.InitTimeout), null)
                : Failure(
                    LambdaInvocationStatus.InitFailed,
                    "Sandbox.Timedout",
                    $"RequestId: {pending.RequestId} Error: Runtime did not ask for an event within " +
                    $"{_options.InitTimeout.TotalSeconds:0.00} seconds of starting (init timed out)",
                    null);
        }

        // Phase 2: the answer, by the deadline the runtime was given.
        var deadline = pending.Taken.Result;
        var remaining = deadline - _time.GetUtcNow();
        await WhenFirstAsync(pending.Answered, runtime.Failed, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, cancellationToken);
        if (pending.Answered.IsCompleted)
        {
            var answer = pending.Answered.Result;
            return answer.IsError
                ? Outcome(LambdaInvocationStatus.FunctionError, answer.Body, answer.ErrorType, answer.ErrorMessage, deadline)
                : Outcome(LambdaInvocationStatus.Succeeded, answer.Body, null, null, deadline);
        }

        if (runtime.Failed.IsCompleted)
        {
            var (type, message, body) = runtime.Failed.Result.Describe(pending.RequestId);
            return Outcome(LambdaInvocationStatus.FunctionError, body, type, message, deadline);
        }

        // Timed out (or abandoned): Lambda resets the environment; so do we.
        runtime.Poison();
        cancellationToken.ThrowIfCancellationRequested();
        return Failure(LambdaInvocationStatus.TimedOut, "Sandbox.Timedout", TimedOutMessage(pending.RequestId, _options.Timeout), deadline);
    }

    private async Task WhenFirstAsync(Task awaited, Task failed, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var expiry = Task.Delay(limit, _time, timer.Token);
        await Task.WhenAny(awaited, failed, expiry);
        await timer.CancelAsync();
    }

    private static string TimedOutMessage(string requestId, TimeSpan limit) =>
        $"RequestId: {requestId} Error: Task timed out after {limit.TotalSeconds:0.00} seconds";

    private async Task<(RuntimeProcess Runtime, bool ColdStart)> EnsureRuntimeAsync()
    {
        RuntimeProcess? previous;
        lock (_gate)
        {
            if (_current is { IsUsable: true } current)
            {
                return (current, false);
            }

            previous = _current;
        }

        if (previous is not null)
        {
            await previous.DisposeAsync();
        }

        RuntimeProcess fresh;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            fresh = new RuntimeProcess(_processes.Count + 1, _options, RuntimeApi, _output);
            _processes.Add(fresh);
            // Current before it starts: its first next call must find its own queue.
            _current = fresh;
        }

        fresh.Start();
        return (fresh, true);
    }
}
