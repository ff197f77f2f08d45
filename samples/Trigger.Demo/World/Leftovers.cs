using System.ComponentModel;
using System.Diagnostics;

namespace Trigger.Demo.World;

/// <summary>After disposal: is anything the demo started still there (a process, an emulator's data folder)? It must leave nothing behind.</summary>
internal static class Leftovers
{
    public static IReadOnlyList<string> Find(LocalMigrationWorld world)
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

        if (world.FunctionPath is { } path)
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
