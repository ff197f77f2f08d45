using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Cli.Commands.Sweep;
using Trigger.Migration.Attributes;

namespace Trigger.Cli.Commands.Sync;

/// <summary>
/// Brings one standby user level with its primary twin. A user the standby lacks (or one a creation left
/// in FORCE_CHANGE_PASSWORD, or in doubt) goes to the sweep's creator, with its identity checks and its
/// intent-before-creation journal. A user the standby has is compared with the index first (no call when
/// nothing changed); one that looks changed is read in full, shown to be the same person (the sweep's
/// <see cref="IdentityProof"/>: the legacy-sub attribute or a shared verified email or phone), then its
/// attributes (<see cref="SyncAttributeDiff"/>) and its enabled state are written. No password call is
/// ever made for a user the standby already has: a password the trigger carried stays.
/// </summary>
internal sealed class SyncUserSettler(
    SyncOptions options,
    ICognitoIdentityProvider standby,
    SweepPaces paces,
    IdentityProof identity,
    AttributeMapper mapper,
    AdminStragglerCreator creator,
    IReadOnlyDictionary<string, DateTimeOffset?> inDoubt,
    PendingWrites pending,
    SweepJournal? journal,
    TimeProvider time)
{
    /// <summary>The changes made (or, in a dry run, to be made) for <paramref name="candidate"/>; empty when it was current.</summary>
    public async Task<IReadOnlyList<JournalEntry>> SettleAsync(StragglerCandidate candidate, StandbyEntry? entry, CancellationToken cancellationToken)
    {
        var user = candidate.User;
        // An intent naming a change is not a creation in doubt: PendingWrites settles it below.
        var creationInDoubt = inDoubt.ContainsKey(user.Username) && !pending.ByUser.ContainsKey(user.Username);
        if (entry is null || entry.Status == UserStatusType.ForceChangePassword || creationInDoubt)
        {
            var created = await creator.SettleAsync(candidate, RecordIntentAsync, cancellationToken);
            if (created.Outcome != StragglerOutcomes.AlreadyInNewPool)
            {
                return [created];
            }

            // In the standby after all (the trigger migrated the user after the index was read): compare it below.
            entry = null;
        }

        var mapped = mapper.Map(user, includeUsername: false).Attributes;
        var lookChanged = entry is null
            || SyncAttributeDiff.Compute(mapped, entry.Has).Count > 0
            || (user.Enabled is { } enabled && entry.Enabled != enabled);
        if (!lookChanged)
        {
            return Resumed(candidate, []);
        }

        AdminGetUserResponse current;
        try
        {
            await paces.Read.WaitAsync(cancellationToken);
            current = await standby.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = options.StandbyUserPoolId, Username = user.Username }, cancellationToken);
        }
        catch (UserNotFoundException)
        {
            // Deleted from the standby since the index was read: the next pass creates it.
            return [Outcome(candidate, StragglerOutcomes.Skipped, "GoneFromStandby", "deleted from the standby during the pass; the next pass creates it again")];
        }
        catch (AwsServiceException e) when (!SweepErrors.EndsTheRun(e))
        {
            return [Outcome(candidate, StragglerOutcomes.Failed, SweepErrors.Reason(e), e.Message)];
        }

        if (!identity.SameName(current.Username, user.Username))
        {
            return [Outcome(candidate, StragglerOutcomes.Failed, AdminStragglerCreator.NameTakenInNewPool, $"the standby's user '{current.Username}' answers to this name (an alias, or another letter case); not changed")];
        }

        if (identity.Contradiction(user, current) is { } why)
        {
            // A name is not an identity: writing the primary's verified email onto a stranger would hand them the account.
            return [Outcome(candidate, StragglerOutcomes.Failed, AdminStragglerCreator.NameTakenByAnotherUser, why + " Not changed.")];
        }

        var results = new List<JournalEntry>();
        var changes = SyncAttributeDiff.Compute(mapped, current.UserAttributes);
        if (changes.Count > 0)
        {
            var names = string.Join(", ", changes.Select(c => c.Name));
            results.Add(await WriteAsync(
                candidate,
                SyncOutcomes.Updated,
                names,
                token => standby.AdminUpdateUserAttributesAsync(
                    new AdminUpdateUserAttributesRequest { UserPoolId = options.StandbyUserPoolId, Username = current.Username!, UserAttributes = changes }, token),
                cancellationToken));
        }

        if (user.Enabled is { } wanted && current.Enabled != wanted)
        {
            results.Add(await WriteAsync(
                candidate,
                wanted ? SyncOutcomes.Enabled : SyncOutcomes.Disabled,
                null,
                token => wanted
                    ? standby.AdminEnableUserAsync(new AdminEnableUserRequest { UserPoolId = options.StandbyUserPoolId, Username = current.Username! }, token)
                    : standby.AdminDisableUserAsync(new AdminDisableUserRequest { UserPoolId = options.StandbyUserPoolId, Username = current.Username! }, token),
                cancellationToken));
        }

        return Resumed(candidate, results);
    }

    // A write the killed run announced and that holds now was made by it: counted once, here.
    private List<JournalEntry> Resumed(StragglerCandidate candidate, List<JournalEntry> results)
    {
        if (pending.Take(candidate.User.Username, out var kind) && !results.Any(r => r.Outcome == kind))
        {
            results.Add(Outcome(candidate, kind, null, "made by an interrupted run"));
        }

        return results;
    }

    // One UserUpdate write, paced; a per-user refusal is reported, an outage ends the run (SweepErrors).
    private async Task<JournalEntry> WriteAsync(StragglerCandidate candidate, string outcome, string? detail, Func<CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        if (options.DryRun)
        {
            return Outcome(candidate, SyncOutcomes.Would(outcome), null, detail);
        }

        await paces.Password.WaitAsync(cancellationToken);
        if (journal is not null)
        {
            // Announced before it is sent: a kill between the write and its outcome line leaves the intent, and the rerun counts the write once.
            await journal.AppendAsync(new JournalEntry { E = JournalEntry.IntentKind, Seq = candidate.Sequence, User = candidate.User.Username, Outcome = outcome, At = time.GetUtcNow() });
        }

        try
        {
            await write(cancellationToken);
            return Outcome(candidate, outcome, null, detail);
        }
        catch (AwsServiceException e) when (!SweepErrors.EndsTheRun(e))
        {
            return Outcome(candidate, StragglerOutcomes.Failed, SweepErrors.Reason(e), $"{outcome}: {e.Message}");
        }
    }

    private Task RecordIntentAsync(JournalEntry intent) => journal?.AppendAsync(intent) ?? Task.CompletedTask;

    private static JournalEntry Outcome(StragglerCandidate candidate, string outcome, string? reason, string? detail) =>
        AdminStragglerCreator.Outcome(candidate, outcome, reason, detail);
}
