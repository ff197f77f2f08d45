using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Trigger.Testing;

/// <summary>
/// Runs a command to completion within a time limit, killing its whole tree if it overruns or the caller
/// gives up; stdout and stderr are kept interleaved. The one runner behind <c>npm ci</c>, <c>dotnet publish</c>,
/// <c>git clone</c> and <c>cdk synth</c> in the tests.
/// </summary>
public static class ChildProcess
{
    // A build server or a daemon started by the command can hold the pipes open after the command exits.
    private static readonly TimeSpan _drainLimit = TimeSpan.FromSeconds(5);

    /// <summary>The outcome: the exit code and everything the command wrote.</summary>
    public sealed record Result(int ExitCode, string Output);

    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    /// <remarks><paramref name="environment"/>: variables to set; a null value removes one the child would inherit.</remarks>
    /// <exception cref="InvalidOperationException">The command could not be started (not on PATH).</exception>
    /// <exception cref="TimeoutException">The command ran longer than <paramref name="timeout"/>; it was killed.</exception>
    public static async Task<Result> RunAsync(
        string fileName, IEnumerable<string> arguments, string? workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.Exited += (_, _) => exited.TrySetResult();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException($"Could not start '{fileName}': {exception.Message}.", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await exited.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(_drainLimit, CancellationToken.None);
            if (exception is OperationCanceledException)
            {
                throw;
            }

            throw new TimeoutException(
                $"'{fileName} {string.Join(' ', start.ArgumentList)}' did not finish within {timeout.TotalSeconds:0} s and was killed. "
                + $"Last lines of its output:\n{Tail(Text(output), 40)}",
                exception);
        }

        // Wait for the last lines, bounded: a process left behind by the command may hold the pipes.
        await Task.WhenAny(process.WaitForExitAsync(CancellationToken.None), Task.Delay(_drainLimit, CancellationToken.None));
        return new Result(process.ExitCode, Text(output));
    }

    /// <summary>The last <paramref name="lines"/> non-empty lines of <paramref name="text"/>.</summary>
    public static string Tail(string text, int lines)
    {
        var all = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
