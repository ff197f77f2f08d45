using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Trigger.Testing;

/// <summary>
/// One running cognito-local (the pinned npm package): its own temporary working directory and
/// <c>.cognito/config.json</c>, a free loopback port, ready once <c>GET /health</c> answers.
/// Disposing kills its process tree and deletes the directory. See EMULATOR-NOTES.md for what it
/// does differently from Cognito.
/// </summary>
public sealed class CognitoLocalServer : IAsyncDisposable
{
    private const int PortAttempts = 3;
    private readonly Process _process;
    private readonly CognitoLocalOutput _output;
    private readonly EventHandler _killOnExit;
    private int _disposed;

    private CognitoLocalServer(Process process, CognitoLocalOutput output, Uri endpoint, string workingDirectory, string configJson)
    {
        _process = process;
        _output = output;
        Endpoint = endpoint;
        WorkingDirectory = workingDirectory;
        ConfigJson = configJson;
        ProcessId = process.Id;
        // A test host that ends without disposing must not leave node running.
        _killOnExit = (_, _) => KillQuietly(process);
        AppDomain.CurrentDomain.ProcessExit += _killOnExit;
    }

    /// <summary>The JSON 1.1 endpoint, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The temporary working directory (holds <c>.cognito/config.json</c> and <c>.cognito/db</c>).</summary>
    public string WorkingDirectory { get; }

    /// <summary>The config.json written for this instance.</summary>
    public string ConfigJson { get; }

    /// <summary>The node process id (for diagnostics and for checking it is gone after dispose).</summary>
    public int ProcessId { get; }

    /// <summary>True once the node process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Everything cognito-local printed so far, colour codes stripped and confirmation codes and
    /// message bodies redacted (they can carry temporary passwords).
    /// </summary>
    public string Output => _output.Text;

    /// <summary>Starts cognito-local (running <c>npm ci</c> first on a fresh machine) and waits until it answers.</summary>
    /// <exception cref="ArgumentException">The options are inconsistent (named in the message).</exception>
    /// <exception cref="InvalidOperationException">It did not become healthy in time; the message carries its output tail.</exception>
    public static async Task<CognitoLocalServer> StartAsync(CognitoLocalOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CognitoLocalOptions();
        Validate(options);
        SlowTests.RequireMarkedCaller("starts cognito-local");
        var root = await NodeTools.EnsureNodeModulesAsync(cancellationToken);
        var entryPoint = NodeTools.CognitoLocalEntryPoint(root);

        for (var attempt = 1; ; attempt++)
        {
            var server = await TryStartAsync(entryPoint, FreeLoopbackPort(), options, cancellationToken);
            if (server is not null)
            {
                return server;
            }

            // Another process took the port between our probe and node's bind: pick another one.
            if (attempt == PortAttempts)
            {
                throw new InvalidOperationException($"cognito-local could not bind a free loopback port in {PortAttempts} attempts (EADDRINUSE each time).");
            }
        }
    }

    private static void Validate(CognitoLocalOptions options)
    {
        if (options.StartupTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"CognitoLocalOptions.StartupTimeout must be positive; got {options.StartupTimeout}.", nameof(options));
        }

        var hasTrigger = options.UserMigrationFunction is not null || options.PreSignUpFunction is not null
            || options.PostAuthenticationFunction is not null || options.PreTokenGenerationFunction is not null;
        if (hasTrigger && options.LambdaEndpoint is null)
        {
            throw new ArgumentException(
                "CognitoLocalOptions.LambdaEndpoint is required when a trigger function is configured: cognito-local would otherwise call real AWS Lambda.",
                nameof(options));
        }

        if (options.LambdaEndpoint is { IsAbsoluteUri: false })
        {
            throw new ArgumentException($"CognitoLocalOptions.LambdaEndpoint must be absolute; got '{options.LambdaEndpoint}'.", nameof(options));
        }

        foreach (var (name, value) in new[] { ("UserMigrationFunction", options.UserMigrationFunction), ("PreSignUpFunction", options.PreSignUpFunction), ("PostAuthenticationFunction", options.PostAuthenticationFunction), ("PreTokenGenerationFunction", options.PreTokenGenerationFunction) })
        {
            if (value is not null && string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"CognitoLocalOptions.{name} must not be blank.", nameof(options));
            }
        }
    }

    private static async Task<CognitoLocalServer?> TryStartAsync(
        string entryPoint, int port, CognitoLocalOptions options, CancellationToken cancellationToken)
    {
        var workingDirectory = Directory.CreateTempSubdirectory("cognito-local-").FullName;
        var configJson = RenderConfig(port, options);
        Directory.CreateDirectory(Path.Combine(workingDirectory, ".cognito", "db"));
        await File.WriteAllTextAsync(Path.Combine(workingDirectory, ".cognito", "config.json"), configJson, cancellationToken);

        var output = new CognitoLocalOutput();
        var process = new Process { StartInfo = CreateStartInfo(entryPoint, workingDirectory, port, options) };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            DeleteDirectory(workingDirectory);
            throw new InvalidOperationException($"Could not start node for cognito-local: {ex.Message}", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var endpoint = new Uri($"http://127.0.0.1:{port}/");
        var server = new CognitoLocalServer(process, output, endpoint, workingDirectory, configJson);
        try
        {
            await WaitUntilHealthyAsync(server, options.StartupTimeout, cancellationToken);
            return server;
        }
        catch (CognitoLocalExitedException) when (output.Text.Contains("EADDRINUSE", StringComparison.Ordinal))
        {
            await server.DisposeAsync();
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var tail = ChildProcess.Tail(output.Text, 40);
            await server.DisposeAsync();
            throw new InvalidOperationException(
                $"cognito-local did not become healthy at {endpoint}health: {ex.Message}{Environment.NewLine}Last lines of its output:{Environment.NewLine}{tail}", ex);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private static ProcessStartInfo CreateStartInfo(string entryPoint, string workingDirectory, int port, CognitoLocalOptions options)
    {
        var startInfo = new ProcessStartInfo(OperatingSystem.IsWindows() ? "node.exe" : "node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        startInfo.ArgumentList.Add(entryPoint);

        // The test host's own AWS settings (profiles, endpoint overrides) must not steer the emulator's SDK.
        foreach (var name in startInfo.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment.Remove("DEBUG");
        if (options.VerboseLog)
        {
            startInfo.Environment["DEBUG"] = "1";
        }

        // cognito-local derives its default token issuer from HOST/PORT; keep them consistent with the config.
        startInfo.Environment["HOST"] = "127.0.0.1";
        startInfo.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        startInfo.Environment["NO_COLOR"] = "1";
        return startInfo;
    }

    internal static string RenderConfig(int port, CognitoLocalOptions options)
    {
        var triggers = new JsonObject();
        if (options.UserMigrationFunction is not null)
        {
            triggers["UserMigration"] = options.UserMigrationFunction;
        }

        if (options.PreSignUpFunction is not null)
        {
            triggers["PreSignUp"] = options.PreSignUpFunction;
        }

        if (options.PostAuthenticationFunction is not null)
        {
            triggers["PostAuthentication"] = options.PostAuthenticationFunction;
        }

        if (options.PreTokenGenerationFunction is not null)
        {
            triggers["PreTokenGeneration"] = options.PreTokenGenerationFunction;
        }

        var lambdaClient = new JsonObject
        {
            ["credentials"] = new JsonObject { ["accessKeyId"] = "local", ["secretAccessKey"] = "local" },
            ["region"] = "local",
        };
        if (options.LambdaEndpoint is not null)
        {
            lambdaClient["endpoint"] = options.LambdaEndpoint.GetLeftPart(UriPartial.Authority);
        }

        var config = new JsonObject
        {
            ["LambdaClient"] = lambdaClient,
            ["TriggerFunctions"] = triggers,
            // Real Cognito uses the typed name as the username; cognito-local's default ["email"] would not.
            ["UserPoolDefaults"] = new JsonObject { ["UsernameAttributes"] = new JsonArray() },
            ["TokenConfig"] = new JsonObject { ["IssuerDomain"] = $"http://127.0.0.1:{port}" },
            ["ServerConfig"] = new JsonObject { ["hostname"] = "127.0.0.1", ["port"] = port },
        };
        return config.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static async Task WaitUntilHealthyAsync(CognitoLocalServer server, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var health = new Uri(server.Endpoint, "health");
        while (true)
        {
            if (server.HasExited)
            {
                // Let the output readers drain so the caller sees node's last words.
                using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await server._process.WaitForExitAsync(drain.Token);
                throw new CognitoLocalExitedException($"node exited with code {server._process.ExitCode} before answering");
            }

            try
            {
                using var response = await http.GetAsync(health, deadline.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
            {
                // One slow probe on a loaded machine; try again.
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"no answer within {timeout.TotalSeconds:0} s");
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"no answer within {timeout.TotalSeconds:0} s");
            }
        }
    }

    internal static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Kills the node process tree, waits for it to exit, and deletes the working directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= _killOnExit;
        KillQuietly(_process);
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // Reported below by HasExited staying false; deleting the directory is still worth trying.
            }
        }

        _process.Dispose();
        DeleteDirectory(WorkingDirectory);
    }

    internal static void KillQuietly(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Exiting while we killed it.
        }
    }

    private static void DeleteDirectory(string path)
    {
        for (var attempt = 0; attempt < 5 && Directory.Exists(path); attempt++)
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                Thread.Sleep(100);
            }
            catch (UnauthorizedAccessException)
            {
                Thread.Sleep(100);
            }
        }
    }

    private sealed class CognitoLocalExitedException(string message) : Exception(message);
}
