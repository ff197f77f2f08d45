using Trigger.Migration.Ports;

namespace Trigger.Migration.Attributes;

/// <summary>
/// Maps an old user's attributes onto the new pool's schema: reserved names never, renames applied,
/// names the schema lacks dropped, verification flags copied as they are (never invented).
/// </summary>
public sealed class AttributeMapper(AttributeMappingOptions options)
{
    /// <summary>The options this mapper applies.</summary>
    public AttributeMappingOptions Options { get; } = options;

    /// <summary>
    /// Maps <paramref name="user"/>'s attributes. With <paramref name="includeUsername"/> the old username is
    /// returned as <c>username</c>, which Cognito accepts only when the typed sign-in name was an alias.
    /// </summary>
    public MappedAttributes Map(OldUser user, bool includeUsername)
    {
        var mapped = new Dictionary<string, string>(StringComparer.Ordinal);
        var dropped = new List<string>();
        foreach (var (oldName, value) in user.Attributes)
        {
            if (StandardAttributes.IsReserved(oldName))
            {
                continue;
            }

            var newName = Options.Renames.TryGetValue(oldName, out var renamed) ? renamed : oldName;
            if (StandardAttributes.Names.Contains(newName) || Options.NewCustomAttributes.Contains(newName))
            {
                mapped[newName] = value;
            }
            else
            {
                dropped.Add(oldName);
            }
        }

        if (Options.LegacySubAttribute is { } legacySub && user.Attribute("sub") is { } sub)
        {
            mapped[legacySub] = sub;
        }

        if (includeUsername)
        {
            mapped["username"] = user.Username;
        }

        dropped.Sort(StringComparer.Ordinal);
        return new MappedAttributes(mapped, dropped);
    }
}
