using System.ComponentModel;
using System.Diagnostics;

namespace Trigger.Demo.World;

/// <summary>After disposal: is anything the demo started still there (a process, an emulator's data folder)? It must leave nothing behind.</summary>
internal static class Leftovers
{
    /// <summary>
    /// What <paramref name="world"/> left behind. With <paramref name="functionProcessIds"/>, only those function
    /// processes are looked for (another world may be running the same published file meanwhile); without, any
    /// process running the function's file.
    /// </summary>
    public static IReadOnlyList<string> Find(LocalMigrationWorld world, IReadOnlyList<int>? functionProcessIds = null)
    {
        var left = new List<string>();
        foreach (var id in world.EmulatorProcessIds)
        {
            if (IsRunning(id))
            {
                left.Add($"cognito-local (node, pid {id})");
            }
        }

        left.AddRange(world.EmulatorFolders.Where(Directory.Exists).Select(folder => $"cognito-local's folder {folder}"));

        if (functionProcessIds is not null)
        {
            left.AddRange(functionProcessIds.Where(IsRunning).Select(id => $"the function (pid {id})"));
        }
        else if (world.FunctionPath is { } path)
        {
            foreach (var process in Process.GetProcessesByName(Path.GetFileName(path)))
            {
                using (process)
                {
                    if (IsRunning(process.Id) && RunsFile(process, path))
                    {
                        left.Add($"the function ({Path.GetFileName(path)}, pid {process.Id})");
                    }
                }
            }
        }

        return left;
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool RunsFile(Process process, string path)
    {
        try
        {
            return string.Equals(process.MainModule?.FileName, path, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or NotSupportedException)
        {
            // Another user's process, or one that just exited: not ours to report.
            return false;
        }
    }
}
