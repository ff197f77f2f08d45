using Trigger.Migration.Events;
using Trigger.Migration.Ports;

namespace Trigger.Migration.Decisions;

/// <summary>
/// Moves a migrated user's group memberships: the <c>UserMigration</c> step reads the old groups and leaves
/// them in the <see cref="GroupHandOver"/>; the <c>PostAuthentication</c> step of the same sign-in (Cognito
/// runs it before it issues the tokens) adds them in the new pool, so the first tokens carry
/// <c>cognito:groups</c>. A later sign-in finds no entry and makes no call. Neither step ever fails the
/// sign-in: groups that cannot be carried are reported, and the sweep's repair adds them later.
/// </summary>
public sealed class GroupCarry(IOldGroupMemberships oldGroups, INewGroupMemberships newGroups, GroupHandOver handOver)
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

        try
        {
            var groups = await oldGroups.GroupsOfAsync(oldUsername, cancellationToken);
            if (groups.Count == 0)
            {
                return GroupsRecorded.None;
            }

            var newUsername = outcome.ViaAlias ? oldUsername : trigger.UserName;
            var lifetime = trigger.TriggerSource == TriggerSources.MigrationForgotPassword
                ? GroupHandOver.ForgotPasswordLifetime
                : GroupHandOver.SignInLifetime;
            handOver.Put(trigger.UserPoolId, newUsername, groups, lifetime, outcome.NewPoolNames);
            return new GroupsRecorded(groups.Count, null);
        }
        catch (UserDirectoryUnavailableException e)
        {
            return new GroupsRecorded(0, cancellationToken.IsCancellationRequested ? "DeadlineExceeded" : e.Reason);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new GroupsRecorded(0, "DeadlineExceeded");
        }
    }

    /// <summary>
    /// On <c>PostAuthentication</c>: adds the groups waiting for <paramref name="username"/>, if any. A group
    /// the new pool lacks is skipped and named in the result; the others are still added.
    /// </summary>
    public async Task<GroupsCarried> ApplyAsync(string userPoolId, string username, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userPoolId);
        ArgumentNullException.ThrowIfNull(username);
        if (handOver.Take(userPoolId, username) is not { } groups)
        {
            return GroupsCarried.NothingWaiting;
        }

        var added = 0;
        var missing = new List<string>();
        foreach (var group in groups)
        {
            try
            {
                if (await newGroups.AddAsync(userPoolId, username, group, cancellationToken))
                {
                    added++;
                }
                else
                {
                    missing.Add(group);
                }
            }
            catch (UserDirectoryUnavailableException e)
            {
                return new GroupsCarried(true, added, missing, cancellationToken.IsCancellationRequested ? "DeadlineExceeded" : e.Reason);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return new GroupsCarried(true, added, missing, "DeadlineExceeded");
            }
        }

        return new GroupsCarried(true, added, missing, null);
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

/// <summary>What the <c>PostAuthentication</c> step did.</summary>
/// <param name="Waiting">True when groups waited for this user (a first sign-in through the trigger).</param>
/// <param name="Added">Memberships added.</param>
/// <param name="Missing">Names of groups the new pool lacks (group names, never the user).</param>
/// <param name="Failure">Why adding stopped early; null when every group was tried.</param>
public sealed record GroupsCarried(bool Waiting, int Added, IReadOnlyList<string> Missing, string? Failure)
{
    /// <summary>No groups waited: any sign-in but the first through the trigger.</summary>
    public static GroupsCarried NothingWaiting { get; } = new(false, 0, [], null);
}
