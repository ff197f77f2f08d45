using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace Trigger.Testing.Lambda;

/// <summary>
/// One runtime process, from start to kill: Lambda's execution environment. Holds the queue of events
/// its <c>next</c> calls take, the first failure (init error or exit) and its cold-start timings.
/// </summary>
internal sealed class RuntimeProcess : IAsyncDisposable
{
    private static readonly TimeSpan _exitWait = TimeSpan.FromSeconds(5);

    // Lambda leaves only these of the host's variables to a function; we keep what a dotnet process
    // needs to start and nothing else (no AWS credentials, no test-runner settings).
    private static readonly string[] _inheritedVariables =
        ["PATH", "HOME", "TMPDIR", "DOTNET_ROOT", "DOTNET_ROOT_X64", "DOTNET_BUNDLE_EXTRACT_BASE_DIR"];

    private readonly Process _process;
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource<RuntimeFailure> _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _startedTimestamp;
    private long _firstNextTimestamp;
    private long _firstAnswerTimestamp;
    private int _poisoned;
    private bool _started;

    public RuntimeProcess(int number, LambdaRuntimeBridgeOptions options, string runtimeApi, CapturedOutput output)
    {
        Number = number;
        _time = options.TimeProvider;
        var startInfo = new ProcessStartInfo(options.Runtime.FileName)
        {
            WorkingDirectory = options.Runtime.TaskRoot,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in options.Runtime.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        SetEnvironment(startInfo.Environment, options, runtimeApi);
        _process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.AppendStandardOutput(e.Data);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.AppendStandardError(e.Data);
            }
        };
        _process.Exited += (_, _) => _failed.TrySetResult(new RuntimeFailure(null, null, null, SafeExitCode()));
    }

    /// <summary>1 for the bridge's first process, counting up across restarts.</summary>
    public int Number { get; }

    /// <summary>The events this process's <c>next</c> calls take, in order.</summary>
    public Channel<PendingInvocation> Events { get; } = Channel.CreateUnbounded<PendingInvocation>();

    /// <summary>Completes with the first failure: an init error post or the process exit.</summary>
    public Task<RuntimeFailure> Failed => _failed.Task;

    /// <summary>When the process was started.</summary>
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>The operating-system process id once started; null before, or when it could not be started.</summary>
    public int? ProcessId { get; private set; }

    /// <summary>True once the runtime called <c>next</c>: its init phase is over.</summary>
    public bool InitDone => Interlocked.Read(ref _firstNextTimestamp) != 0;

    /// <summary>False once the process failed or was poisoned: the next invoke starts a fresh one.</summary>
    public bool IsUsable => Volatile.Read(ref _poisoned) == 0 && !_failed.Task.IsCompleted;

    /// <summary>The cold-start figures of this process.</summary>
    public RuntimeStartTimings Timings => new(
        Number,
        StartedAt,
        Since(Interlocked.Read(ref _firstNextTimestamp)),
        Since(Interlocked.Read(ref _firstAnswerTimestamp)));

    /// <summary>Starts the process. A program that cannot be started is reported as a failure, not thrown.</summary>
    public void Start()
    {
        StartedAt = _time.GetUtcNow();
        _startedTimestamp = _time.GetTimestamp();
        try
        {
            _process.Start();
        }
        catch (Win32Exception exception)
        {
            // Lambda's name for a bootstrap it cannot execute.
            var message = $"The runtime '{_process.StartInfo.FileName}' could not be started: {exception.Message}";
            _failed.TrySetResult(new RuntimeFailure(
                LambdaErrorDocument.Create("Runtime.InvalidEntrypoint", message), "Runtime.InvalidEntrypoint", message, null));
            return;
        }

        _started = true;
        ProcessId = _process.Id;
        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public void MarkNext() => Interlocked.CompareExchange(ref _firstNextTimestamp, Math.Max(1, _time.GetTimestamp()), 0);

    public void MarkAnswer() => Interlocked.CompareExchange(ref _firstAnswerTimestamp, Math.Max(1, _time.GetTimestamp()), 0);

    /// <summary>Records an init error; false (and nothing recorded) once init is over.</summary>
    public bool TryReportInitError(string body, string? type, string? message) =>
        !InitDone && _failed.TrySetResult(new RuntimeFailure(body, type, message, null));

    /// <summary>Marks the process for replacement (a timeout, an abandoned event) and kills it now.</summary>
    public void Poison()
    {
        Interlocked.Exchange(ref _poisoned, 1);
        Events.Writer.TryComplete();
        Kill();
    }

    /// <summary>Kills the process tree and waits, bounded, for it to be gone.</summary>
    public async ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _poisoned, 1);
        Events.Writer.TryComplete();
        Kill();
        if (_started)
        {
            try
            {
                await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(_exitWait, _time, CancellationToken.None);
            }
            catch (TimeoutException)
            {
                // Bounded by design: a process that ignores SIGKILL for 5 s is left to the OS.
            }
        }

        _process.Dispose();
    }

    private void Kill()
    {
        if (!_started)
        {
            return;
        }

        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private int? SafeExitCode()
    {
        try
        {
            return _process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private TimeSpan? Since(long timestamp) =>
        timestamp == 0 ? null : _time.GetElapsedTime(_startedTimestamp, timestamp);

    private static void SetEnvironment(IDictionary<string, string?> environment, LambdaRuntimeBridgeOptions options, string runtimeApi)
    {
        var inherited = _inheritedVariables.ToDictionary(name => name, Environment.GetEnvironmentVariable);
        environment.Clear();
        foreach (var (name, value) in inherited)
        {
            if (!string.IsNullOrEmpty(value))
            {
                environment[name] = value;
            }
        }

        // A framework-dependent apphost (the echo runtime, a bootstrap before it is self-contained) finds
        // the shared runtime through DOTNET_ROOT when dotnet is not at its default place.
        if (!environment.ContainsKey("DOTNET_ROOT"))
        {
            environment["DOTNET_ROOT"] = DotnetHost.Root;
        }

        // The variables Lambda defines for a function on a provided.al2023 runtime.
        environment["_HANDLER"] = options.Handler;
        environment["AWS_REGION"] = options.Region;
        environment["AWS_DEFAULT_REGION"] = options.Region;
        environment["AWS_LAMBDA_FUNCTION_NAME"] = options.FunctionName;
        environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = options.MemorySizeMb.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        environment["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand";
        environment["AWS_LAMBDA_LOG_GROUP_NAME"] = $"/aws/lambda/{options.FunctionName}";
        environment["AWS_LAMBDA_LOG_STREAM_NAME"] = "local/[$LATEST]bridge";
        environment["LAMBDA_TASK_ROOT"] = options.Runtime.TaskRoot;
        environment["LAMBDA_RUNTIME_DIR"] = options.Runtime.TaskRoot;
        environment["TZ"] = ":UTC";
        environment["LANG"] = "en_US.UTF-8";
        if (options.LogFormat is not null)
        {
            environment["AWS_LAMBDA_LOG_FORMAT"] = options.LogFormat;
        }

        foreach (var (name, value) in options.Environment)
        {
            environment[name] = value;
        }

        environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
    }
}
