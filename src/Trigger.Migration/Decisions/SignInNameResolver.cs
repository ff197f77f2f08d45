using Trigger.Migration.Ports;

namespace Trigger.Migration.Decisions;

/// <summary>
/// Resolves a typed sign-in name to exactly one old user: first as a username (the old pool also
/// resolves its own aliases there), then through each plausible alias attribute with a ListUsers filter,
/// and last, when a fold index is configured, through the index: a case-sensitive old pool cannot find
/// <c>Quinn</c> from the <c>quinn</c> a case-insensitive new pool hands the trigger.
/// Whether the user was found by an alias is judged by the new pool's <see cref="NameRule"/>: the name the
/// new pool handed over is the old username when that pool would take the two for one name.
/// </summary>
public sealed class SignInNameResolver(IOldUserDirectory oldPool, IReadOnlyCollection<string> aliasAttributes, NameRule newPoolNames, IFoldedNameIndex? foldIndex = null)
{
    /// <summary>Resolves <paramref name="typedName"/>.</summary>
    public async Task<SignInResolution> ResolveAsync(string typedName, CancellationToken cancellationToken)
    {
        var byUsername = await oldPool.FindByUsernameAsync(typedName, cancellationToken);
        if (byUsername is not null)
        {
            return await FoldsOntoAnotherOwnerAsync(typedName, byUsername.Username, cancellationToken)
                ? SignInResolution.AmbiguousMatch
                : SignInResolution.Found(byUsername, typedName, newPoolNames);
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
                    return await FoldsOntoAnotherOwnerAsync(typedName, user.Username, cancellationToken)
                        ? SignInResolution.AmbiguousMatch
                        : SignInResolution.Found(user, typedName, newPoolNames);
                default:
                    return SignInResolution.AmbiguousMatch;
            }
        }

        return foldIndex is null ? SignInResolution.NotFound : await ResolveFoldedAsync(typedName, cancellationToken);
    }

    // An exact hit is not the end when a fold index is configured: Alice and alice both in the case-sensitive
    // old pool reach the trigger as one "alice", so the exact match says nothing about which of them is signing
    // in. Any other old user owning the folded name (as a username or an alias) makes it a conflict: refused.
    private async Task<bool> FoldsOntoAnotherOwnerAsync(string typedName, string foundUsername, CancellationToken cancellationToken)
    {
        if (foldIndex is null)
        {
            return false;
        }

        var owners = await foldIndex.FindOwnersAsync(NameFolding.Fold(typedName), cancellationToken);
        return owners.Any(owner => !string.Equals(owner.Username, foundUsername, StringComparison.Ordinal));
    }

    // One owner resolves, read by its own (original-case) username so the password check and the answer use
    // the old username; two or more owners of one folded name (Alice and alice, or one's username and
    // another's email) are the conflict a case-insensitive pool cannot tell apart: refused.
    private async Task<SignInResolution> ResolveFoldedAsync(string typedName, CancellationToken cancellationToken)
    {
        var owners = await foldIndex!.FindOwnersAsync(NameFolding.Fold(typedName), cancellationToken);
        var usernames = FoldedNames.Usernames(owners);
        switch (usernames.Count)
        {
            case 0:
                return SignInResolution.NotFound;
            case 1:
                // Null when the user was deleted since the index was built: nobody to migrate.
                var user = await oldPool.FindByUsernameAsync(usernames[0], cancellationToken);
                return user is null ? SignInResolution.NotFound : SignInResolution.Found(user, typedName, newPoolNames);
            default:
                return SignInResolution.AmbiguousMatch;
        }
    }
}
