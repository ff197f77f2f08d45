namespace Trigger.Testing.Lambda;

/// <summary>
/// The function as the tests and the demo run it: the real published <c>bootstrap</c>
/// (exactly what ships: Native AOT on a Linux host) and, for a benchmark, the same code published as
/// composite ReadyToRun, as a plain framework-dependent JIT build run by <c>dotnet bootstrap.dll</c>, and
/// cross-compiled for linux-arm64.
/// </summary>
/// <remarks>
/// Each flavour is built at most once per process and reused across processes while the sources are
/// unchanged: a stamp next to the output records the <see cref="SourceFingerprint"/> of the inputs the
/// build read. A file lock under <c>artifacts/</c> keeps concurrent test assemblies and the demo from
/// building at the same time; whoever waits re-checks the stamp and reuses the fresh output.
/// A failed build is reported to every later caller in the same process, not retried.
/// </remarks>
public static class FunctionArtifact
{
    private const string ProjectPath = "src/Trigger.Function/Trigger.Function.csproj";
    private static readonly TimeSpan _buildTimeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan _lockWait = TimeSpan.FromMinutes(20);

    private static readonly Lazy<string> _repositoryRoot = new(FindRepositoryRoot);
    private static readonly Lazy<Task<RuntimeCommand>> _published = new(() => Task.Run(EnsurePublishedAsync));
    private static readonly Lazy<Task<RuntimeCommand>> _jit = new(() => Task.Run(EnsureJitBuildAsync));
    private static readonly Lazy<Task<RuntimeCommand>> _readyToRun = new(() => Task.Run(() => EnsureFlavourPublishedAsync("function-r2r", "-p:TriggerBuild=r2r")));
    private static readonly Lazy<Task<RuntimeCommand>> _arm64 = new(() => Task.Run(() => EnsureFlavourPublishedAsync("function-arm64", "-r", "linux-arm64")));

    /// <summary>The repository root: the nearest folder above the running assembly holding <c>Trigger.sln</c>.</summary>
    public static string RepositoryRoot => _repositoryRoot.Value;

    /// <summary>Where the shipped artifact is published: <c>&lt;repo&gt;/artifacts/function</c>.</summary>
    public static string PublishDirectory => Path.Combine(RepositoryRoot, "artifacts", "function");

    /// <summary>
    /// The shipped artifact: runs <c>dotnet publish src/Trigger.Function -c Release -o artifacts/function</c>
    /// unless an up-to-date publish is there, and returns the command that starts <c>bootstrap</c>.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; a publish already running finishes (bounded) for the next caller.</param>
    /// <exception cref="InvalidOperationException">The publish failed; the message holds the tail of its output.</exception>
    public static Task<RuntimeCommand> GetPublishedAsync(CancellationToken cancellationToken = default) =>
        WaitAsync(_published, cancellationToken);

    /// <summary>
    /// The JIT flavour for benchmarks: a framework-dependent Release build of the function project
    /// (under <c>artifacts/function-jit</c>), started as <c>dotnet bootstrap.dll</c>.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; a build already running finishes (bounded) for the next caller.</param>
    /// <exception cref="InvalidOperationException">The build failed; the message holds the tail of its output.</exception>
    public static Task<RuntimeCommand> GetJitBuildAsync(CancellationToken cancellationToken = default) =>
        WaitAsync(_jit, cancellationToken);

    /// <summary>
    /// The composite ReadyToRun flavour for benchmarks (<c>-p:TriggerBuild=r2r</c>, under <c>artifacts/function-r2r</c>):
    /// what ships where Native AOT cannot be built.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; a publish already running finishes (bounded) for the next caller.</param>
    /// <exception cref="InvalidOperationException">The publish failed; the message holds the tail of its output.</exception>
    public static Task<RuntimeCommand> GetReadyToRunAsync(CancellationToken cancellationToken = default) =>
        WaitAsync(_readyToRun, cancellationToken);

    /// <summary>
    /// The linux-arm64 Native AOT bootstrap (<c>-r linux-arm64</c>, under <c>artifacts/function-arm64</c>), cross-compiled
    /// on an x64 host; the command starts it directly, so an x64 host needs binfmt or a wrapper such as qemu to run it.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; a publish already running finishes (bounded) for the next caller.</param>
    /// <exception cref="InvalidOperationException">The publish failed (a missing cross toolchain is named in the message).</exception>
    public static Task<RuntimeCommand> GetArm64PublishedAsync(CancellationToken cancellationToken = default) =>
        WaitAsync(_arm64, cancellationToken);

    private static Task<RuntimeCommand> WaitAsync(Lazy<Task<RuntimeCommand>> build, CancellationToken cancellationToken)
    {
        SlowTests.RequireMarkedCaller("publishes the function");
        return build.Value.WaitAsync(cancellationToken);
    }

    private static Task<RuntimeCommand> EnsureFlavourPublishedAsync(string name, params string[] options)
    {
        // Its own output and artifacts path: the flavours never invalidate each other's incremental state.
        var output = Path.Combine(RepositoryRoot, "artifacts", name);
        return EnsureBuiltAsync(
            $"{name} publish",
            stampName: $"{name}.stamp",
            ["publish", ProjectPath, "-c", "Release", "-o", output, "--artifacts-path", Path.Combine(RepositoryRoot, "artifacts", name + "-build"),
                .. options, "--nologo", "--disable-build-servers"],
            () =>
            {
                var bootstrap = Path.Combine(output, "bootstrap");
                return File.Exists(bootstrap) ? RuntimeCommand.Executable(bootstrap) : null;
            });
    }

    private static Task<RuntimeCommand> EnsurePublishedAsync() =>
        EnsureBuiltAsync(
            "publish",
            stampName: "function.stamp",
            ["publish", ProjectPath, "-c", "Release", "-o", PublishDirectory, "--nologo", "--disable-build-servers"],
            () =>
            {
                var bootstrap = Path.Combine(PublishDirectory, "bootstrap");
                return File.Exists(bootstrap) ? RuntimeCommand.Executable(bootstrap) : null;
            });

    private static Task<RuntimeCommand> EnsureJitBuildAsync()
    {
        // Its own artifacts path keeps the JIT build's obj/bin apart from the publish, so the two
        // flavours never invalidate each other's incremental state.
        var artifactsPath = Path.Combine(RepositoryRoot, "artifacts", "function-jit");
        return EnsureBuiltAsync(
            "JIT build",
            stampName: "function-jit.stamp",
            ["build", ProjectPath, "-c", "Release", "--artifacts-path", artifactsPath, "-p:SelfContained=false",
                "--nologo", "--disable-build-servers"],
            () =>
            {
                var binaries = Path.Combine(artifactsPath, "bin", "Trigger.Function");
                var assembly = Directory.Exists(binaries)
                    ? Directory.EnumerateFiles(binaries, "bootstrap.dll", SearchOption.AllDirectories)
                        .OrderByDescending(File.GetLastWriteTimeUtc)
                        .FirstOrDefault()
                    : null;
                return assembly is null ? null : RuntimeCommand.DotnetAssembly(assembly);
            });
    }

    private static async Task<RuntimeCommand> EnsureBuiltAsync(
        string what, string stampName, IReadOnlyList<string> arguments, Func<RuntimeCommand?> findOutput)
    {
        var artifacts = Path.Combine(RepositoryRoot, "artifacts");
        using var buildLock = await ArtifactLock.AcquireAsync(
            Path.Combine(artifacts, ".function-build.lock"), _lockWait, CancellationToken.None);

        // Fingerprint before building: an edit made while the build runs makes the next run rebuild.
        var fingerprint = SourceFingerprint.Compute(RepositoryRoot);
        var stamp = Path.Combine(artifacts, stampName);
        if (File.Exists(stamp) && await File.ReadAllTextAsync(stamp) == fingerprint && findOutput() is { } fresh)
        {
            return fresh;
        }

        // No stamp while building: a failed or killed build is never mistaken for a good one.
        File.Delete(stamp);
        var result = await BuildCommand.RunAsync(arguments, RepositoryRoot, _buildTimeout, CancellationToken.None);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"The function {what} failed (dotnet exited with {result.ExitCode}). Last lines of its output:\n{result.OutputTail}");
        }

        var output = findOutput() ?? throw new InvalidOperationException(
            $"The function {what} succeeded but left no bootstrap where expected. Last lines of its output:\n{result.OutputTail}");
        await File.WriteAllTextAsync(stamp, fingerprint);
        return output;
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Trigger.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No Trigger.sln above '{AppContext.BaseDirectory}': run the tests or the demo from inside the repository.");
    }
}
