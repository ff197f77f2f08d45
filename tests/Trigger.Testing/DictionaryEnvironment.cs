using Trigger.Aws;

namespace Trigger.Testing;

/// <summary>An environment made of a dictionary (empty unless given), so tests never read or write the process environment.</summary>
public sealed class DictionaryEnvironment(IReadOnlyDictionary<string, string>? values = null) : IEnvironmentVariables
{
    /// <summary>An environment with no variables at all.</summary>
    public static DictionaryEnvironment Empty { get; } = new();

    private readonly IReadOnlyDictionary<string, string> _values = values ?? new Dictionary<string, string>();

    /// <inheritdoc />
    public string? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;
}
