namespace Trigger.Aws;

/// <summary>The environment of the running process; the default <see cref="IEnvironmentVariables"/>.</summary>
public sealed class ProcessEnvironmentVariables : IEnvironmentVariables
{
    private ProcessEnvironmentVariables()
    {
    }

    /// <summary>The one instance; it holds no state.</summary>
    public static ProcessEnvironmentVariables Instance { get; } = new();

    /// <inheritdoc />
    public string? Get(string name) => Environment.GetEnvironmentVariable(name);
}
