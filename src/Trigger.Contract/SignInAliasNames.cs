namespace Trigger.Contract;

/// <summary>The attributes Cognito accepts as sign-in aliases, and so the ones the trigger can look a typed name up by.</summary>
public static class SignInAliasNames
{
    /// <summary><c>email</c>, <c>phone_number</c>, <c>preferred_username</c>, in the trigger's look-up order; also its default.</summary>
    public static IReadOnlyList<string> All { get; } = ["email", "phone_number", "preferred_username"];

    /// <summary>True for one of <see cref="All"/>.</summary>
    public static bool IsAlias(string name) => All.Contains(name, StringComparer.Ordinal);

    /// <summary>
    /// The setting for a pool that accepts <paramref name="signInNames"/>: those of them that are aliases, in
    /// <see cref="All"/>'s order; null when that is all of them (the default) or none (the variable cannot say "none").
    /// </summary>
    public static IReadOnlyList<string>? SettingFor(IEnumerable<string> signInNames)
    {
        var names = signInNames.ToHashSet(StringComparer.Ordinal);
        var aliases = All.Where(names.Contains).ToList();
        return aliases.Count > 0 && aliases.Count < All.Count ? aliases : null;
    }
}
