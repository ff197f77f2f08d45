using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Cli.Commands.Groups;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// Gives a settled user the groups its source recorded for that very old user, in the new pool. A user created just now
/// has none, so each is added (AdminAddUserToGroup, paced within UserResourceUpdate); a user that was already there (the
/// trigger moved it, or a killed run created it and maybe some memberships) has its new groups read first
/// (AdminListGroupsForUser on the new pool, on the read pace) and only the missing ones are added: a resumed run adds
/// no membership twice. A group the new pool lacks is named in the outcome and counted, never failing the user.
/// </summary>
internal sealed class SweepMemberships(ICognitoIdentityProvider newPool, string newUserPoolId, IReadOnlySet<string> newPoolGroups, SweepPaces paces)
{
    /// <summary>
    /// <paramref name="outcome"/> with the memberships of <paramref name="groups"/> added for its new user
    /// (<see cref="JournalEntry.NewUser"/>, as the new pool spells it), and counted on it.
    /// </summary>
    /// <param name="outcome">A created or already-migrated user's outcome, its identity established.</param>
    /// <param name="groups">The old user's groups, from its own source line.</param>
    /// <param name="createdNow">This call's own creation: the new user has no groups yet, none are read.</param>
    /// <param name="cancellationToken">Stops between two calls; the outcome is then not recorded and a rerun reads what is there.</param>
    public async Task<JournalEntry> AddAsync(JournalEntry outcome, IReadOnlyList<string> groups, bool createdNow, CancellationToken cancellationToken)
    {
        var newUser = outcome.NewUser ?? throw new InvalidOperationException("Memberships are added only for a user the new pool holds.");
        var present = createdNow ? new HashSet<string>(StringComparer.Ordinal) : await NewGroupsAsync(newUser, cancellationToken);
        int added = 0, already = 0, failed = 0;
        var missing = new List<string>();
        foreach (var group in groups.Distinct(StringComparer.Ordinal))
        {
            if (present.Contains(group))
            {
                already++;
                continue;
            }

            if (!newPoolGroups.Contains(group))
            {
                missing.Add(group);
                continue;
            }

            await paces.Groups.WaitAsync(cancellationToken);
            try
            {
                switch (await MembershipCopy.AddAsync(newPool, newUserPoolId, newUser, group, cancellationToken))
                {
                    case MembershipWrite.Added:
                        added++;
                        break;
                    case MembershipWrite.GroupMissing:
                        missing.Add(group);
                        break;
                    default:
                        failed++;
                        break;
                }
            }
            catch (AwsServiceException e) when (!SweepErrors.EndsTheRun(e))
            {
                failed++;
            }
        }

        return outcome with
        {
            GroupsAdded = added,
            GroupsPresent = already,
            GroupsMissing = missing.Count > 0 ? missing : null,
            GroupsFailed = failed > 0 ? failed : null,
        };
    }

    private Task<HashSet<string>> NewGroupsAsync(string newUser, CancellationToken cancellationToken) =>
        GroupListing.GroupsOfUserAsync(newPool, newUserPoolId, newUser, ct => paces.Read.WaitAsync(ct).AsTask(), cancellationToken);
}
