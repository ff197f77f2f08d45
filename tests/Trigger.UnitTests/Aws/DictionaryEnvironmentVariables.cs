using Trigger.Aws;

namespace Trigger.UnitTests.Aws;

/// <summary>An environment made of a dictionary, so tests never read or write the process environment.</summary>
internal sealed class DictionaryEnvironmentVariables(IReadOnlyDictionary<string, string>? values = null) : IEnvironmentVariables
{
    private readonly IReadOnlyDictionary<string, string> _values = values ?? new Dictionary<string, string>();

    public string? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;
}
