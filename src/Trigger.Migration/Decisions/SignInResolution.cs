using Trigger.Migration.Ports;

namespace Trigger.Migration.Decisions;

/// <summary>The outcome of resolving a typed sign-in name to one old user.</summary>
public sealed record SignInResolution
{
    private SignInResolution(OldUser? user, bool viaAlias, bool ambiguous)
    {
        User = user;
        ViaAlias = viaAlias;
        Ambiguous = ambiguous;
    }

    /// <summary>The one old user, or null.</summary>
    public OldUser? User { get; }

    /// <summary>True when the typed name was an alias: not the username by the new pool's <see cref="NameRule"/>.</summary>
    public bool ViaAlias { get; }

    /// <summary>True when more than one old user matched the typed name.</summary>
    public bool Ambiguous { get; }

    /// <summary>No old user has this name.</summary>
    public static SignInResolution NotFound { get; } = new(null, false, false);

    /// <summary>Several old users share this alias value: refusing is the only safe answer.</summary>
    public static SignInResolution AmbiguousMatch { get; } = new(null, false, true);

    /// <summary>Exactly one old user, found for <paramref name="typedName"/> in a new pool comparing names by <paramref name="names"/>.</summary>
    public static SignInResolution Found(OldUser user, string typedName, NameRule names) =>
        new(user, !names.Same(user.Username, typedName), false);
}
