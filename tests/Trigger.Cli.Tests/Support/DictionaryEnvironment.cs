using Trigger.Aws;

namespace Trigger.Cli.Tests.Support;

/// <summary>An environment made of a dictionary: tests never read or write the process environment.</summary>
internal sealed class DictionaryEnvironment(IReadOnlyDictionary<string, string>? values = null) : IEnvironmentVariables
{
    private readonly IReadOnlyDictionary<string, string> _values = values ?? new Dictionary<string, string>();

    public string? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;
}
