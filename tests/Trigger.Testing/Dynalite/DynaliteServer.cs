using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Trigger.Testing;

/// <summary>
/// One running dynalite (the pinned npm package, a DynamoDB-compatible server): in memory, a free loopback
/// port, ready once <c>GET /</c> answers. Disposing kills its process tree. The tests point the SDK at
/// <see cref="Endpoint"/> through <c>AWS_ENDPOINT_URL_DYNAMODB</c>, as they point it at cognito-local.
/// </summary>
public sealed class DynaliteServer : IAsyncDisposable
{
    private static readonly TimeSpan _startupTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly CognitoLocalOutput _output;
    private readonly EventHandler _killOnExit;
    private int _disposed;

    private DynaliteServer(Process process, CognitoLocalOutput output, Uri endpoint)
    {
        _process = process;
        _output = output;
        Endpoint = endpoint;
        _killOnExit = (_, _) => CognitoLocalServer.KillQuietly(process);
        AppDomain.CurrentDomain.ProcessExit += _killOnExit;
    }

    /// <summary>The DynamoDB endpoint, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>True once the node process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts dynalite (running <c>npm ci</c> first on a fresh machine) and waits until it answers.</summary>
    /// <exception cref="InvalidOperationException">It did not answer in time; the message carries its output tail.</exception>
    public static async Task<DynaliteServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var root = await NodeTools.EnsureNodeModulesAsync(cancellationToken);
        var port = CognitoLocalServer.FreeLoopbackPort();
        var startInfo = new ProcessStartInfo(OperatingSystem.IsWindows() ? "node.exe" : "node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        startInfo.ArgumentList.Add(NodeTools.DynaliteEntryPoint(root));
        startInfo.ArgumentList.Add("--host");
        startInfo.ArgumentList.Add("127.0.0.1");
        startInfo.ArgumentList.Add("--port");
        startInfo.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        // Tables are ACTIVE at once: the tests create them and write straight away.
        startInfo.ArgumentList.Add("--createTableMs");
        startInfo.ArgumentList.Add("0");

        var output = new CognitoLocalOutput();
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new DynaliteServer(process, output, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await server.WaitUntilAnsweringAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < _startupTimeout)
        {
            if (_process.HasExited)
            {
                break;
            }

            try
            {
                using var response = await http.GetAsync(Endpoint, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        throw new InvalidOperationException(
            $"dynalite did not answer at {Endpoint} within {_startupTimeout.TotalSeconds:0} s.{Environment.NewLine}{ChildProcess.Tail(_output.Text, 40)}");
    }

    /// <summary>Kills the node process tree and waits for it to exit.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= _killOnExit;
        CognitoLocalServer.KillQuietly(_process);
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // Reported by HasExited staying false.
            }
        }

        _process.Dispose();
    }
}
