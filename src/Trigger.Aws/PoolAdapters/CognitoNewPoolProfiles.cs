using System.Collections.Concurrent;
using Trigger.Aws.Cognito;
using Trigger.Contract;
using Trigger.Migration.Decisions;
using Trigger.Migration.Ports;

namespace Trigger.Aws.PoolAdapters;

/// <summary>
/// The new pool's profile from DescribeUserPool, read on the first invocation for each pool and kept for the
/// life of the process (case sensitivity, schema and sign-in attributes cannot change after creation; a
/// changed password policy or a new custom attribute is picked up by the next execution environment). A
/// failed read is not kept, so the next invocation asks again.
/// </summary>
public sealed class CognitoNewPoolProfiles(ICognitoIdentityProvider cognito) : INewPoolProfiles
{
    private readonly ConcurrentDictionary<string, NewPoolProfile> _profiles = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async ValueTask<NewPoolProfile> GetAsync(string userPoolId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userPoolId);
        if (_profiles.TryGetValue(userPoolId, out var known))
        {
            return known;
        }

        var described = await CognitoFailures.UnavailableOnFailureAsync(
            () => cognito.DescribeUserPoolAsync(new DescribeUserPoolRequest { UserPoolId = userPoolId }, cancellationToken), cancellationToken);
        var pool = described.UserPool ?? throw new UserDirectoryUnavailableException("DescribeUserPool answered without a UserPool", transient: false);
        return _profiles.GetOrAdd(userPoolId, ProfileOf(pool));
    }

    /// <summary>What the trigger needs of <paramref name="pool"/>.</summary>
    public static NewPoolProfile ProfileOf(UserPoolType pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var custom = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in (pool.SchemaAttributes ?? []).Select(a => a.Name).OfType<string>())
        {
            // Cognito lists custom attributes as custom:x and developer-only ones as dev:custom:x.
            if (name.StartsWith("custom:", StringComparison.Ordinal) || name.StartsWith("dev:custom:", StringComparison.Ordinal))
            {
                custom.Add(name);
            }
        }

        var signIn = (pool.UsernameAttributes ?? []).Concat(pool.AliasAttributes ?? []).ToHashSet(StringComparer.Ordinal);
        return new NewPoolProfile
        {
            // Absent in pools that predate the setting: the API's default, case-sensitive.
            Names = NameRule.For(pool.UsernameConfiguration?.CaseSensitive),
            CustomAttributes = custom,
            SignInAttributes = [.. SignInAliasNames.All.Where(signIn.Contains)],
            PasswordPolicy = PoolPasswordPolicy.Of(pool),
        };
    }
}
