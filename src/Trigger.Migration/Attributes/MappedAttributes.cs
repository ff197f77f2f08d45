namespace Trigger.Migration.Attributes;

/// <summary>The attributes to give the new pool, and the names that were left behind.</summary>
/// <param name="Attributes">Name to value, ready for Cognito.</param>
/// <param name="Dropped">Old attribute names the new schema has no place for (reserved names excluded).</param>
public sealed record MappedAttributes(IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<string> Dropped);
