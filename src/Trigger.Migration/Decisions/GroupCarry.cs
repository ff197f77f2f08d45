using Trigger.Migration.Events;
using Trigger.Migration.Ports;

namespace Trigger.Migration.Decisions;

/// <summary>
/// Moves a migrated user's group memberships. The <c>UserMigration</c> step reads the old groups and leaves them
/// in the hand-over (<see cref="IGroupHandOverStore"/>). Of the two later steps of the same sign-in, whichever
/// comes first writes the memberships (AdminAddUserToGroup) and leaves behind only the groups it added; the Pre
/// token generation step takes that entry (removing it) and puts those groups into the tokens it is about to
/// issue. Cognito's developer guide promises neither that PostAuthentication's changes reach the tokens of the
/// same sign-in nor an order between the two triggers, so neither is relied on: each membership is written once,
/// and the first tokens carry the groups through the token override. A later sign-in finds no entry and makes
/// no old-pool call. No step ever fails the sign-in: groups that cannot be carried are reported, and the sweep's
/// repair adds them later.
/// </summary>
public sealed class GroupCarry(IOldGroupMemberships oldGroups, INewGroupMemberships newGroups, IGroupHandOverStore handOver, TimeProvider time)
{
    /// <summary>
    /// After a migration decision: reads the migrated user's old groups and keeps them for the new username
    /// (the old username when the typed name was an alias, since the migration answer sets it). Nothing for a refusal.
    /// </summary>
    public async Task<GroupsRecorded> RecordAsync(UserMigrationEvent trigger, MigrationOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Refusal is not null || outcome.OldUsername is not { } oldUsername
            || string.IsNullOrEmpty(trigger.UserPoolId) || string.IsNullOrEmpty(trigger.UserName))
        {
            return GroupsRecorded.None;
        }

        IReadOnlyList<string> groups;
        try
        {
            groups = await oldGroups.GroupsOfAsync(oldUsername, cancellationToken);
            if (groups.Count == 0)
            {
                return GroupsRecorded.None;
            }
        }
        catch (UserDirectoryUnavailableException e)
        {
            return new GroupsRecorded(0, cancellationToken.IsCancellationRequested ? "DeadlineExceeded" : e.Reason);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new GroupsRecorded(0, "DeadlineExceeded");
        }

        var newUsername = outcome.ViaAlias ? oldUsername : trigger.UserName;
        var lifetime = trigger.TriggerSource == TriggerSources.MigrationForgotPassword
            ? GroupHandOver.ForgotPasswordLifetime
            : GroupHandOver.SignInLifetime;
        var entry = new GroupHandOverEntry(trigger.UserPoolId, newUsername, outcome.NewPoolNames.IsCaseSensitive, groups, Applied: false, time.GetUtcNow() + lifetime);
        try
        {
            await handOver.PutAsync(entry, cancellationToken);
            return new GroupsRecorded(groups.Count, null);
        }
        catch (UserDirectoryUnavailableException e)
        {
            // A tiered hand-over still holds the entry in this environment's memory.
            return new GroupsRecorded(groups.Count, cancellationToken.IsCancellationRequested ? "DeadlineExceeded" : e.Reason);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new GroupsRecorded(groups.Count, "DeadlineExceeded");
        }
    }

    /// <summary>
    /// On <c>PostAuthentication</c>: adds the groups waiting for <paramref name="username"/>, if any, and leaves
    /// the groups it added for the Pre token generation step. A group the new pool lacks is skipped and named in
    /// the result; the others are still added. An entry already applied is left as it is, without a call.
    /// </summary>
    public async Task<GroupsCarried> ApplyAsync(string userPoolId, string username, CancellationToken cancellationToken)
    {
        var (entry, none) = await TakeAsync(userPoolId, username, cancellationToken);
        if (entry is null)
        {
            return none;
        }

        if (entry.Applied)
        {
            // A repeated PostAuthentication: the memberships are written; the entry stays for the tokens.
            var kept = await PutBackAsync(entry, cancellationToken);
            return kept is null ? GroupsCarried.NothingWaiting : GroupsCarried.Unreadable(kept);
        }

        var carried = await AddAsync(entry, username, cancellationToken);
        if (carried.TokenGroups.Count > 0 && await PutBackAsync(entry with { Groups = carried.TokenGroups, Applied = true }, cancellationToken) is { } putFailure)
        {
            return carried with { Failure = carried.Failure ?? putFailure };
        }

        return carried;
    }

    /// <summary>
    /// On Pre token generation (any source but a token refresh): takes the entry for <paramref name="username"/>
    /// and returns the groups the tokens may carry: those whose membership was added in the new pool, by the
    /// PostAuthentication step or, when this step comes first, here. Never a group the new pool lacks, never a
    /// group no migration recorded for this very name.
    /// </summary>
    public async Task<GroupsCarried> ForTokensAsync(string userPoolId, string username, CancellationToken cancellationToken)
    {
        var (entry, none) = await TakeAsync(userPoolId, username, cancellationToken);
        return entry is null ? none
            : entry.Applied
            ? new GroupsCarried(true, 0, [], null) { TokenGroups = entry.Groups }
            : await AddAsync(entry, username, cancellationToken);
    }

    // The entry, or (when there is none) what to report: nothing waiting, or why the hand-over could not be read.
    private async Task<(GroupHandOverEntry? Entry, GroupsCarried None)> TakeAsync(string userPoolId, string username, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userPoolId);
        ArgumentNullException.ThrowIfNull(username);
        try
        {
            return (await handOver.TakeAsync(userPoolId, username, cancellationToken), GroupsCarried.NothingWaiting);
        }
        catch (UserDirectoryUnavailableException e)
        {
            return (null, GroupsCarried.Unreadable(cancellationToken.IsCancellationRequested ? "DeadlineExceeded" : e.Reason));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (null, GroupsCarried.Unreadable("DeadlineExceeded"));
        }
    }

    private async Task<string?> PutBackAsync(GroupHandOverEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await handOver.PutAsync(entry, cancellationToken);
            return null;
        }
        catch (UserDirectoryUnavailableException e)
        {
            return cancellationToken.IsCancellationRequested ? "DeadlineExceeded" : e.Reason;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return "DeadlineExceeded";
        }
    }

    private async Task<GroupsCarried> AddAsync(GroupHandOverEntry entry, string username, CancellationToken cancellationToken)
    {
        var added = new List<string>();
        var missing = new List<string>();
        foreach (var group in entry.Groups)
        {
            try
            {
                if (await newGroups.AddAsync(entry.UserPoolId, username, group, cancellationToken))
                {
                    added.Add(group);
                }
                else
                {
                    missing.Add(group);
                }
            }
            catch (UserDirectoryUnavailableException e)
            {
                return new GroupsCarried(true, added.Count, missing, cancellationToken.IsCancellationRequested ? "DeadlineExceeded" : e.Reason) { TokenGroups = added };
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return new GroupsCarried(true, added.Count, missing, "DeadlineExceeded") { TokenGroups = added };
            }
        }

        return new GroupsCarried(true, added.Count, missing, null) { TokenGroups = added };
    }
}

/// <summary>What the <c>UserMigration</c> step kept for the next step.</summary>
/// <param name="Groups">How many groups wait in the hand-over.</param>
/// <param name="Failure">Why the old groups could not be read (an error code, <c>DeadlineExceeded</c>); null when read.</param>
public sealed record GroupsRecorded(int Groups, string? Failure)
{
    /// <summary>Nothing kept: a refusal, or a user in no group.</summary>
    public static GroupsRecorded None { get; } = new(0, null);
}

/// <summary>What the <c>PostAuthentication</c> or Pre token generation step did.</summary>
/// <param name="Waiting">True when groups waited for this user (a first sign-in through the trigger).</param>
/// <param name="Added">Memberships added.</param>
/// <param name="Missing">Names of groups the new pool lacks (group names, never the user).</param>
/// <param name="Failure">Why the hand-over could not be read, or adding stopped early; null when every group was tried.</param>
public sealed record GroupsCarried(bool Waiting, int Added, IReadOnlyList<string> Missing, string? Failure)
{
    /// <summary>The groups this sign-in's tokens may carry: memberships that exist in the new pool.</summary>
    public IReadOnlyList<string> TokenGroups { get; init; } = [];

    /// <summary>The hand-over could not be read: no groups, and why.</summary>
    public static GroupsCarried Unreadable(string failure) => new(false, 0, [], failure);

    /// <summary>No groups waited: any sign-in but the first through the trigger.</summary>
    public static GroupsCarried NothingWaiting { get; } = new(false, 0, [], null);
}
