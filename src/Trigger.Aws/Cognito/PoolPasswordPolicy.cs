using Trigger.Contract;

namespace Trigger.Aws.Cognito;

/// <summary>
/// A pool's password policy as DescribeUserPool reports it, in the contract's terms: the one reading the
/// function (what it checks migrated passwords against) and <c>plan</c> (what it compares) share.
/// </summary>
public static class PoolPasswordPolicy
{
    // Cognito's minimum length when a policy leaves it out.
    private const int DefaultMinimumLength = 8;

    /// <summary>
    /// The policy of <paramref name="pool"/>; null when the pool reports none. A class the answer leaves out is
    /// not required (Cognito lists all four), a length out of Cognito's range is brought into it.
    /// </summary>
    public static PasswordPolicy? Of(UserPoolType pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return pool.Policies?.PasswordPolicy is { } policy
            ? new PasswordPolicy(
                Math.Clamp(policy.MinimumLength ?? DefaultMinimumLength, SettingValues.ShortestMinimumLength, SettingValues.LongestMinimumLength),
                policy.RequireLowercase ?? false,
                policy.RequireUppercase ?? false,
                policy.RequireNumbers ?? false,
                policy.RequireSymbols ?? false)
            : null;
    }
}
