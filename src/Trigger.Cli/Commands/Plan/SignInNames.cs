using Trigger.Aws.Cognito;

namespace Trigger.Cli.Commands.Plan;

/// <summary>How users of a pool sign in: by username (plus aliases), or by email/phone as the username; with or without case.</summary>
internal sealed record SignInNames(IReadOnlyList<string> UsernameAttributes, IReadOnlyList<string> AliasAttributes, bool CaseSensitive)
{
    public static SignInNames Of(UserPoolType pool) => new(
        pool.UsernameAttributes ?? [],
        pool.AliasAttributes ?? [],
        // Pools that predate the setting do not report it; Cognito's default is case sensitive (API reference, UsernameConfigurationType).
        pool.UsernameConfiguration?.CaseSensitive ?? true);

    /// <summary>True when users type a username (not email or phone in its place).</summary>
    public bool TakesUsername => UsernameAttributes.Count == 0;

    /// <summary>The attributes users can type instead of a username: UsernameAttributes and AliasAttributes.</summary>
    public IReadOnlyList<string> Attributes => [.. UsernameAttributes.Concat(AliasAttributes).Distinct(StringComparer.Ordinal)];

    /// <summary>For example "username or email, phone_number; case-insensitive".</summary>
    public string Describe()
    {
        var names = TakesUsername
            ? AliasAttributes.Count == 0 ? "username" : "username or " + string.Join(", ", AliasAttributes)
            : string.Join(" or ", UsernameAttributes) + " as username";
        return names + (CaseSensitive ? "; case-sensitive" : "; case-insensitive");
    }
}
