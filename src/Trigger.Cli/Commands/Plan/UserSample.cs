using Trigger.Aws.Cognito;

namespace Trigger.Cli.Commands.Plan;

/// <summary>The first users ListUsers returned from the old pool (<c>plan --scan N</c>), for the checks a schema cannot answer.</summary>
/// <param name="Requested">How many users were asked for.</param>
/// <param name="Users">The users read (fewer when the pool is smaller).</param>
internal sealed record UserSample(int Requested, IReadOnlyList<UserType> Users)
{
    /// <summary>
    /// Each user's MFA methods by username where the source knows them (a snapshot exported with
    /// <c>--mfa-details</c>: TOTP, email codes, SMS); null for a ListUsers scan, which shows legacy SMS options only.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? MfaMethods { get; init; }

    /// <summary>
    /// Whether the source is known to show every MFA method, not only legacy SMS options: a snapshot in which
    /// some user has a method ListUsers cannot show (so it was exported with <c>--mfa-details</c>).
    /// </summary>
    public bool SeesEveryMfaMethod { get; init; }

    /// <summary>How many users were read.</summary>
    public int Count => Users.Count;

    /// <summary>The value of an attribute of a user, or null when unset or empty.</summary>
    public static string? Value(UserType user, string attribute) =>
        user.Attributes?.FirstOrDefault(a => a.Name == attribute)?.Value is { Length: > 0 } value ? value : null;

    /// <summary>How many sampled users have a value for <paramref name="attribute"/>.</summary>
    public int CountCarrying(string attribute) => Users.Count(u => Value(u, attribute) is not null);

    /// <summary>Every attribute name the sampled users carry, in name order.</summary>
    public IReadOnlyList<string> AttributeNames() =>
        [.. Users.SelectMany(u => u.Attributes ?? []).Select(a => a.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
