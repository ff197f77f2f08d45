using System.Diagnostics;

namespace Trigger.Testing.Lambda;

/// <summary>Runs one <c>dotnet</c> build command to completion, bounded in time, keeping the tail of its output.</summary>
internal static class BuildCommand
{
    private const int TailLines = 60;

    // Variables a test host inherits from the SDK that would pin a child build to the parent's MSBuild.
    private static readonly string[] _parentBuildVariables =
    [
        "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly",
    ];

    /// <summary>The outcome: exit code and the last lines of stdout and stderr, interleaved.</summary>
    public sealed record Result(int ExitCode, string OutputTail);

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    /// <exception cref="TimeoutException">The command ran longer than <paramref name="timeout"/>; it was killed.</exception>
    public static async Task<Result> RunAsync(
        IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(DotnetHost.Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in _parentBuildVariables)
        {
            startInfo.Environment.Remove(name);
        }

        var tail = new Queue<string>();
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > TailLines)
                {
                    tail.Dequeue();
                }
            }
        }

        using var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.Exited += (_, _) => exited.TrySetResult();
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await exited.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
            if (exception is TimeoutException)
            {
                throw new TimeoutException(
                    $"'dotnet {string.Join(' ', arguments)}' did not finish within {timeout.TotalMinutes:0} minutes and was killed.",
                    exception);
            }

            throw;
        }

        // A build server started by the build could still hold the pipes open: drain them, bounded.
        await Task.WhenAny(process.WaitForExitAsync(CancellationToken.None), Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
        lock (tail)
        {
            return new Result(process.ExitCode, string.Join('\n', tail));
        }
    }
}
