namespace Trigger.Testing.Lambda;

/// <summary>Runs one <c>dotnet</c> build command to completion, bounded in time, keeping the tail of its output.</summary>
internal static class BuildCommand
{
    private const int TailLines = 60;

    // Variables a test host inherits from the SDK that would pin a child build to the parent's MSBuild.
    private static readonly Dictionary<string, string?> _parentBuildVariables = new()
    {
        ["MSBuildExtensionsPath"] = null,
        ["MSBuildSDKsPath"] = null,
        ["MSBUILD_EXE_PATH"] = null,
        ["MSBuildLoadMicrosoftTargetsReadOnly"] = null,
    };

    /// <summary>The outcome: exit code and the last lines of stdout and stderr, interleaved.</summary>
    public sealed record Result(int ExitCode, string OutputTail);

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    /// <exception cref="TimeoutException">The command ran longer than <paramref name="timeout"/>; it was killed.</exception>
    public static async Task<Result> RunAsync(
        IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var result = await ChildProcess.RunAsync(
            DotnetHost.Path, arguments, workingDirectory, timeout, _parentBuildVariables, cancellationToken);
        return new Result(result.ExitCode, ChildProcess.Tail(result.Output, TailLines));
    }
}
