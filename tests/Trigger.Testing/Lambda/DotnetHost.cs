namespace Trigger.Testing.Lambda;

/// <summary>Finds the <c>dotnet</c> host that runs builds and framework-dependent runtimes.</summary>
internal static class DotnetHost
{
    private static readonly Lazy<string> _path = new(Find);

    /// <summary>The full path of the <c>dotnet</c> executable.</summary>
    public static string Path => _path.Value;

    /// <summary>The installation folder behind <see cref="Path"/> (symbolic links resolved): a DOTNET_ROOT for apphosts.</summary>
    public static string Root
    {
        get
        {
            var target = new FileInfo(Path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path;
            return System.IO.Path.GetDirectoryName(target)!;
        }
    }

    private static string Find()
    {
        // The SDK sets DOTNET_HOST_PATH for the processes it starts; otherwise the first dotnet on PATH,
        // then DOTNET_ROOT (the same order the SDK's own tooling uses).
        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
        {
            return hostPath;
        }

        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(Environment.GetEnvironmentVariable("DOTNET_ROOT") ?? string.Empty)
            .Where(folder => folder.Length > 0)
            .Select(folder => System.IO.Path.Combine(folder, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "No dotnet host found: set DOTNET_HOST_PATH, or put dotnet on PATH or under DOTNET_ROOT.");
    }
}
