namespace Trigger.Migration.Decisions;

/// <summary>
/// How a pool holds one name against another: a case-sensitive pool compares them as they are, a
/// case-insensitive one compares them folded with <see cref="NameFolding.Fold"/> (its usernames, and with
/// them its email and preferred_username aliases). Every place that holds an old name against a new-pool
/// name uses the new pool's rule, so that it decides as the new pool will (the trigger's answer, the guard,
/// the sweep, <c>status --exact</c>, the id map).
/// </summary>
public sealed class NameRule : IEqualityComparer<string>
{
    private NameRule(bool caseSensitive) => IsCaseSensitive = caseSensitive;

    /// <summary>A case-sensitive pool: <c>Quinn</c> and <c>quinn</c> are two users.</summary>
    public static NameRule CaseSensitive { get; } = new(true);

    /// <summary>A case-insensitive pool: <c>Quinn</c> and <c>quinn</c> are one user.</summary>
    public static NameRule CaseInsensitive { get; } = new(false);

    /// <summary>True when the pool tells names apart by letter case.</summary>
    public bool IsCaseSensitive { get; }

    /// <summary>
    /// The rule of a pool whose <c>UsernameConfiguration.CaseSensitive</c> is <paramref name="caseSensitive"/>;
    /// absent (pools that predate the setting) is case-sensitive, the API's default.
    /// </summary>
    public static NameRule For(bool? caseSensitive) => caseSensitive == false ? CaseInsensitive : CaseSensitive;

    /// <summary><paramref name="name"/> as the pool compares it: unchanged, or folded.</summary>
    public string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return IsCaseSensitive ? name : NameFolding.Fold(name);
    }

    /// <summary>True when the pool takes <paramref name="a"/> and <paramref name="b"/> for the same name; false when either is null.</summary>
    public bool Same(string? a, string? b) => a is not null && b is not null && string.Equals(Key(a), Key(b), StringComparison.Ordinal);

    /// <inheritdoc />
    bool IEqualityComparer<string>.Equals(string? x, string? y) => (x is null && y is null) || Same(x, y);

    /// <inheritdoc />
    public int GetHashCode(string obj) => StringComparer.Ordinal.GetHashCode(Key(obj));

    /// <summary>"case-sensitive" or "case-insensitive".</summary>
    public override string ToString() => IsCaseSensitive ? "case-sensitive" : "case-insensitive";
}
