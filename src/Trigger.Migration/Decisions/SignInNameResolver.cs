using Trigger.Migration.Ports;

namespace Trigger.Migration.Decisions;

/// <summary>
/// Resolves a typed sign-in name to exactly one old user: first as a username (the old pool also
/// resolves its own aliases there), then through each plausible alias attribute with a ListUsers filter.
/// Whether the user was found by an alias is judged by the new pool's <see cref="NameRule"/>: the name the
/// new pool handed over is the old username when that pool would take the two for one name.
/// </summary>
public sealed class SignInNameResolver(IOldUserDirectory oldPool, IReadOnlyCollection<string> aliasAttributes, NameRule newPoolNames)
{
    /// <summary>Resolves <paramref name="typedName"/>.</summary>
    public async Task<SignInResolution> ResolveAsync(string typedName, CancellationToken cancellationToken)
    {
        var byUsername = await oldPool.FindByUsernameAsync(typedName, cancellationToken);
        if (byUsername is not null)
        {
            return SignInResolution.Found(byUsername, typedName, newPoolNames);
        }

        // The first alias attribute that matches decides: every further ListUsers call spends the
        // UserList quota (30 rps, not adjustable) that live sign-ins share.
        foreach (var attribute in SignInName.PlausibleAliases(typedName, aliasAttributes))
        {
            // Two results are enough to know the alias is ambiguous.
            var users = await oldPool.FindByAttributeAsync(attribute, typedName, 2, cancellationToken);
            switch (users.Count)
            {
                case 0:
                    continue;
                case 1:
                    // ListUsers leaves out the MFA settings: read the one match in full by its username.
                    var user = await oldPool.FindByUsernameAsync(users[0].Username, cancellationToken) ?? users[0];
                    return SignInResolution.Found(user, typedName, newPoolNames);
                default:
                    return SignInResolution.AmbiguousMatch;
            }
        }

        return SignInResolution.NotFound;
    }
}
