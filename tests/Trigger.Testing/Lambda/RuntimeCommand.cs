namespace Trigger.Testing.Lambda;

/// <summary>
/// How to start one Lambda runtime process: the shipped <c>bootstrap</c> executable, or an assembly
/// run by the <c>dotnet</c> host (the JIT flavour, or the test-only echo runtime).
/// </summary>
public sealed record RuntimeCommand
{
    /// <summary>The program to start: an executable path, or the <c>dotnet</c> host.</summary>
    public required string FileName { get; init; }

    /// <summary>Arguments passed to <see cref="FileName"/>, one per element (no shell quoting).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The folder holding the function: <c>LAMBDA_TASK_ROOT</c> and the working directory.</summary>
    public required string TaskRoot { get; init; }

    /// <summary>A native executable such as the published <c>bootstrap</c>.</summary>
    /// <exception cref="FileNotFoundException">The executable does not exist.</exception>
    public static RuntimeCommand Executable(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"The runtime executable '{fullPath}' does not exist.", fullPath);
        }

        return new RuntimeCommand { FileName = fullPath, TaskRoot = Path.GetDirectoryName(fullPath)! };
    }

    /// <summary>A framework-dependent assembly started as <c>dotnet &lt;path&gt;</c>.</summary>
    /// <exception cref="FileNotFoundException">The assembly does not exist.</exception>
    public static RuntimeCommand DotnetAssembly(string assemblyPath)
    {
        var fullPath = Path.GetFullPath(assemblyPath);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"The runtime assembly '{fullPath}' does not exist.", fullPath);
        }

        return new RuntimeCommand
        {
            FileName = DotnetHost.Path,
            Arguments = [fullPath],
            TaskRoot = Path.GetDirectoryName(fullPath)!,
        };
    }
}
