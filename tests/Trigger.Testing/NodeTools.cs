using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Trigger.Testing;

/// <summary>
/// The repository's pinned Node tools (root <c>package.json</c> + <c>package-lock.json</c>):
/// finds the repository root and, on a fresh machine, runs <c>npm ci</c> there once, even when
/// several test assemblies ask at the same time.
/// </summary>
public static class NodeTools
{
    private const string SolutionFileName = "Trigger.sln";
    private static readonly TimeSpan _npmCiTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan _lockWaitTimeout = TimeSpan.FromMinutes(12);
    private static readonly SemaphoreSlim _inProcessGate = new(1, 1);

    /// <summary>Walks up from <paramref name="startDirectory"/> (default: the test assembly's folder) to the folder holding Trigger.sln.</summary>
    public static string FindRepositoryRoot(string? startDirectory = null)
    {
        var start = startDirectory ?? AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Could not find the repository root: no {SolutionFileName} in '{start}' or any parent folder.");
    }

    /// <summary>The path of cognito-local's server entry point (the package's <c>bin</c>), under <paramref name="repositoryRoot"/>.</summary>
    public static string CognitoLocalEntryPoint(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "node_modules", "cognito-local", "lib", "bin", "start.js");

    /// <summary>
    /// Makes sure <c>node_modules</c> at the repository root holds the locked cognito-local, running
    /// <c>npm ci</c> when it is missing or stale. Guarded by a cross-process file lock so concurrent test
    /// assemblies install once. Returns the repository root.
    /// </summary>
    /// <exception cref="InvalidOperationException">node or npm is missing, too old, or <c>npm ci</c> failed (the message carries npm's output tail).</exception>
    public static async Task<string> EnsureNodeModulesAsync(CancellationToken cancellationToken = default)
    {
        var root = FindRepositoryRoot();
        await EnsureNodeIsUsableAsync(cancellationToken);
        if (IsInstalled(root))
        {
            return root;
        }

        await _inProcessGate.WaitAsync(cancellationToken);
        try
        {
            await using var fileLock = await AcquireFileLockAsync(root, cancellationToken);
            // Another process may have installed while we waited for the lock.
            if (!IsInstalled(root))
            {
                await RunNpmCiAsync(root, cancellationToken);
            }

            if (!IsInstalled(root))
            {
                throw new InvalidOperationException(
                    $"npm ci finished but '{CognitoLocalEntryPoint(root)}' is still missing or not the locked version.");
            }
        }
        finally
        {
            _inProcessGate.Release();
        }

        return root;
    }

    /// <summary>The path of dynalite's command-line entry point (the DynamoDB emulator), under <paramref name="repositoryRoot"/>.</summary>
    public static string DynaliteEntryPoint(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "node_modules", "dynalite", "cli.js");

    /// <summary>
    /// True when cognito-local and dynalite are installed at the versions the lock file pins and npm finished its
    /// install (npm writes <c>node_modules/.package-lock.json</c> at the end of a successful install).
    /// </summary>
    internal static bool IsInstalled(string root)
    {
        var hiddenLock = Path.Combine(root, "node_modules", ".package-lock.json");
        if (!File.Exists(CognitoLocalEntryPoint(root)) || !File.Exists(DynaliteEntryPoint(root)) || !File.Exists(hiddenLock))
        {
            return false;
        }

        foreach (var package in new[] { "cognito-local", "dynalite" })
        {
            var locked = ReadVersion(Path.Combine(root, "package-lock.json"), package, lockFile: true);
            var installed = ReadVersion(Path.Combine(root, "node_modules", package, "package.json"), package, lockFile: false);
            if (locked is null || !string.Equals(locked, installed, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string? ReadVersion(string path, string package, bool lockFile)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var json = JsonNode.Parse(File.ReadAllText(path));
        var node = lockFile ? json?["packages"]?[$"node_modules/{package}"] : json;
        return node?["version"]?.GetValue<string>();
    }

    private static async Task EnsureNodeIsUsableAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(NodeExecutable, ["--version"], workingDirectory: null, TimeSpan.FromSeconds(60), cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"'node --version' failed with exit code {result.ExitCode}: {ChildProcess.Tail(result.Output, 20)}");
        }

        var text = result.Output.Trim().TrimStart('v');
        var major = text.Split('.')[0];
        if (!int.TryParse(major, out var majorVersion) || majorVersion < 20)
        {
            throw new InvalidOperationException(
                $"Node.js 20 or newer is needed for cognito-local; found '{result.Output.Trim()}'.");
        }
    }

    private static async Task RunNpmCiAsync(string root, CancellationToken cancellationToken)
    {
        // --include=dev: both tools are devDependencies, and NODE_ENV=production would drop them.
        // --ignore-scripts: nothing we use needs an install script, and tests should not run any.
        string[] args = ["ci", "--include=dev", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"];
        var result = await RunAsync(NpmExecutable, args, root, _npmCiTimeout, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'npm {string.Join(' ', args)}' in '{root}' failed with exit code {result.ExitCode}. Last lines of its output:{Environment.NewLine}{ChildProcess.Tail(result.Output, 40)}");
        }
    }

    private static async Task<FileStream> AcquireFileLockAsync(string root, CancellationToken cancellationToken)
    {
        // The lock lives in the temp folder, keyed by the repository path, so the worktree stays clean.
        // It is never deleted: deleting on close would let a late opener lock a stale, unlinked file.
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(root)))[..16];
        var lockPath = Path.Combine(Path.GetTempPath(), $"trigger-npm-ci-{key}.lock");
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (deadline.Elapsed < _lockWaitTimeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
            catch (IOException ex)
            {
                throw new InvalidOperationException(
                    $"Timed out after {_lockWaitTimeout.TotalMinutes} minutes waiting for another process's npm ci (lock '{lockPath}').", ex);
            }
        }
    }

    private static string NodeExecutable => OperatingSystem.IsWindows() ? "node.exe" : "node";

    private static string NpmExecutable => OperatingSystem.IsWindows() ? "npm.cmd" : "npm";

    private static async Task<ChildProcess.Result> RunAsync(
        string fileName, IReadOnlyList<string> args, string? workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await ChildProcess.RunAsync(fileName, args, workingDirectory, timeout, cancellationToken: cancellationToken);
        }
        catch (InvalidOperationException exception) when (exception.InnerException is Win32Exception)
        {
            throw new InvalidOperationException($"{exception.Message} The tests need Node.js 20+ and npm on PATH.", exception);
        }
    }
}
