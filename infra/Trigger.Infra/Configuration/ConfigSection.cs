using System.Text.Json;
using System.Text.RegularExpressions;

namespace Trigger.Infra.Configuration;

/// <summary>
/// One JSON object of the configuration file, read key by key so every error names the full path
/// of the value (e.g. <c>migrations[0].oldPool.userPoolId</c>) and unknown keys (typos) are refused.
/// </summary>
internal sealed class ConfigSection
{
    private readonly string _source;
    private readonly JsonElement _element;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    private ConfigSection(string source, string path, JsonElement element)
    {
        _source = source;
        Path = path;
        _element = element;
    }

    /// <summary>The section's path in the file; empty for the root.</summary>
    public string Path { get; }

    public static ConfigSection Root(string source, JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
            ? new ConfigSection(source, "", element)
            : throw new MigrationConfigException($"{source}: the file must hold one JSON object");

    public MigrationConfigException Invalid(string problem) => new($"{_source}: {Path} {problem}");

    public MigrationConfigException Error(string key, string problem) => new($"{_source}: {PathOf(key)} {problem}");

    public string RequiredString(string key, Regex pattern, string expected) =>
        OptionalString(key, pattern, expected) ?? throw Error(key, "is missing");

    public string? OptionalString(string key, Regex pattern, string expected)
    {
        if (Value(key) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw Error(key, "must be a string");
        }

        var text = value.GetString()!;
        return pattern.IsMatch(text) ? text : throw Error(key, $"\"{text}\" is not {expected}");
    }

    public bool OptionalBool(string key, bool fallback) => OptionalBool(key) ?? fallback;

    public bool? OptionalBool(string key) => Value(key) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw Error(key, "must be true or false"),
    };

    public int? OptionalInt(string key, int minimum, int maximum)
    {
        if (Value(key) is not { } value)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= minimum && number <= maximum
            ? number
            : throw Error(key, $"{value.GetRawText()} is not a whole number from {minimum} to {maximum}");
    }

    public ConfigSection? OptionalSection(string key) => Value(key) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Object } value => new ConfigSection(_source, PathOf(key), value),
        _ => throw Error(key, "must be an object"),
    };

    public ConfigSection RequiredSection(string key) => OptionalSection(key) ?? throw Error(key, "is missing");

    /// <summary>The members of an object whose keys are names chosen by the operator (attribute names).</summary>
    public IReadOnlyList<(string Name, ConfigSection Section)> NamedSections(string key)
    {
        var sections = new List<(string, ConfigSection)>();
        if (OptionalSection(key) is not { } parent)
        {
            return sections;
        }

        foreach (var member in parent._element.EnumerateObject())
        {
            parent._known.Add(member.Name);
            var path = $"{parent.Path}.{member.Name}";
            sections.Add(member.Value.ValueKind == JsonValueKind.Object
                ? (member.Name, new ConfigSection(_source, path, member.Value))
                : throw new MigrationConfigException($"{_source}: {path} must be an object"));
        }

        return sections;
    }

    public IReadOnlyList<ConfigSection> RequiredSections(string key)
    {
        var value = Value(key) ?? throw Error(key, "is missing");
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(key, "must be an array");
        }

        return [.. value.EnumerateArray().Select((item, index) => item.ValueKind == JsonValueKind.Object
            ? new ConfigSection(_source, $"{PathOf(key)}[{index}]", item)
            : throw new MigrationConfigException($"{_source}: {PathOf(key)}[{index}] must be an object"))];
    }

    public IReadOnlyList<string> RequiredStrings(string key) => OptionalStrings(key) ?? throw Error(key, "is missing");

    public IReadOnlyList<string>? OptionalStrings(string key)
    {
        if (Value(key) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
        {
            throw Error(key, "must be an array of strings");
        }

        return [.. value.EnumerateArray().Select(item => item.GetString()!)];
    }

    /// <summary>Every member of this section as a string, for objects whose keys the operator chooses (old name to new name).</summary>
    public IReadOnlyList<(string Key, string Value)> StringMembers()
    {
        var members = new List<(string, string)>();
        foreach (var member in _element.EnumerateObject())
        {
            _known.Add(member.Name);
            members.Add(member.Value.ValueKind == JsonValueKind.String
                ? (member.Name, member.Value.GetString()!)
                : throw Error(member.Name, "must be a string"));
        }

        return members;
    }

    /// <summary>Refuses keys nobody read: a misspelt optional setting must not be silently ignored.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var member in _element.EnumerateObject())
        {
            if (!_known.Contains(member.Name))
            {
                throw Error(member.Name, "is not a known setting");
            }
        }
    }

    private JsonElement? Value(string key)
    {
        _known.Add(key);
        return _element.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    private string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";
}
