namespace Trigger.Migration.Attributes;

/// <summary>How old attributes land in the new pool's schema. Shared by the trigger and the sweep.</summary>
public sealed record AttributeMappingOptions
{
    /// <summary>Old name to new name, applied before the schema check (e.g. <c>custom:tenant</c> to <c>custom:org</c>).</summary>
    public IReadOnlyDictionary<string, string> Renames { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The custom (and developer-only) attributes the new pool's schema has. Standard attributes are always
    /// in a schema; any other name is dropped, since one unknown attribute fails the whole migration.
    /// </summary>
    public IReadOnlySet<string> NewCustomAttributes { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>A custom attribute of the new pool that receives the old <c>sub</c>, or null for none.</summary>
    public string? LegacySubAttribute { get; init; }
}
