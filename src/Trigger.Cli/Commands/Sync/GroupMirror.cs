using System.Text.Json;
using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Cli.Commands.Groups;
using Trigger.Cli.Commands.Sweep;
using Trigger.Cli.Pacing;
using Trigger.Cli.Files;
using Trigger.Migration.Decisions;

namespace Trigger.Cli.Commands.Sync;

/// <summary>
/// The group phase of a sync pass, after the users: the standby gets every group definition of the primary it
/// lacks (as <c>groups</c> creates them: name, description, precedence, role through <c>--role-map</c>), then,
/// group by group, the memberships the primary has and the standby lacks, and loses the memberships the primary
/// no longer has. Memberships are read by group (ListUsersInGroup, every page, paced as UserList on each side),
/// never per user; writes are paced as UserResourceUpdate.
/// <para>
/// The safe rule. Only groups the primary has are touched: a group only the standby has, and its members, are
/// left alone. A membership is added or removed only for a user the standby holds as the primary's (in the
/// standby index or created by this pass, and not reported by the user phases: a stranger holding the name is
/// never added to a group); a membership of a standby user the primary no longer has is left alone (the user is
/// disabled or deleted by the missing phase). A membership is removed only after both listings of that group
/// came back complete: a throttled, failed or cut-off listing stops the pass before anything is written for that
/// group, so a short page can never read as removed members. Names are compared by the standby's case rule, and
/// a write names the standby's own username, never an alias (AdminAddUserToGroup also answers to aliases).
/// </para>
/// <para>
/// Resumable as the rest of the pass: each write is announced in the journal before it is sent and recorded
/// once made; after each group the checkpoint names it. A resumed pass starts after the last group done and
/// compares afresh: a write the killed run made compares equal and is counted once, from its announcement.
/// </para>
/// </summary>
internal sealed class GroupMirror(
    SyncOptions options,
    ICognitoIdentityProvider primary,
    ICognitoIdentityProvider standby,
    NameRule names,
    StandbyIndex index,
    SyncedUsers users,
    GroupPaces paces,
    Func<JournalEntry, Task> record,
    SweepJournal? journal,
    TimeProvider time)
{
    /// <summary>The journal sequence numbers of the group phase start here, after the user phases'.</summary>
    public const long FirstSequence = long.MaxValue / 4 * 3;

    /// <summary>Standby group created (the primary's definition, role mapped).</summary>
    public const string GroupCreated = "group-created";

    /// <summary>A standby user added to a group the primary has them in.</summary>
    public const string MembershipAdded = "membership-added";

    /// <summary>A standby user removed from a group the primary no longer has them in.</summary>
    public const string MembershipRemoved = "membership-removed";

    /// <summary>The reason a group is not mirrored: its role has no <c>--role-map</c> entry.</summary>
    public const string RoleNotMapped = "RoleNotMapped";

    private long _sequence = FirstSequence;

    /// <summary>What the phase found besides the changes (which go to the journal and the tally).</summary>
    public SyncGroupsSummary Summary { get; private set; } = new();

    /// <summary>
    /// Runs the phase from the group after <paramref name="doneThrough"/> (null: the first), calling
    /// <paramref name="groupDone"/> after each group whose changes are all recorded.
    /// </summary>
    public async Task RunAsync(string? doneThrough, Func<string, Task> groupDone, CancellationToken cancellationToken)
    {
        var pending = options.DryRun ? new PendingGroupWrites() : await PendingGroupWrites.ReadAsync(options, cancellationToken);
        var primaryGroups = await PoolGroups.ListAsync(primary, options.PrimaryUserPoolId, "primary", paces.PrimaryGroups.WaitAsync, cancellationToken);
        var standbyGroups = await PoolGroups.ListAsync(standby, options.StandbyUserPoolId, "standby", paces.StandbyGroups.WaitAsync, cancellationToken);
        var comparison = GroupComparison.Compare(primaryGroups, standbyGroups, options.RoleMap);
        var primaryNames = comparison.Select(c => c.Old.GroupName!).ToHashSet(StringComparer.Ordinal);
        Summary = new SyncGroupsSummary
        {
            PrimaryGroups = comparison.Count,
            StandbyOnly = [.. standbyGroups.Select(g => g.GroupName!).Where(n => !primaryNames.Contains(n)).Order(StringComparer.Ordinal)],
            Differing = [.. comparison.Where(c => c.State == GroupState.Differs).Select(c => $"{c.Old.GroupName}: {string.Join(", ", c.Differences)}")],
        };

        foreach (var group in comparison.Where(c => doneThrough is null || string.CompareOrdinal(c.Old.GroupName, doneThrough) > 0))
        {
            var name = group.Old.GroupName!;
            if (group.State != GroupState.Missing && pending.Take(name, GroupCreated, name))
            {
                // The killed run created it and was stopped before recording it: counted once, now.
                await record(Entry(name, name, GroupCreated, null, "made by an interrupted run"));
            }

            var there = group.State != GroupState.Missing || await CreateAsync(group, pending, cancellationToken);
            if (there)
            {
                await MirrorMembersAsync(name, existsInStandby: group.State != GroupState.Missing || !options.DryRun, pending, cancellationToken);
            }

            if (!options.DryRun)
            {
                await groupDone(name);
            }
        }
    }

    // Creates a group the standby lacks; false when it cannot be (its role has no mapping, or the standby refused).
    private async Task<bool> CreateAsync(GroupComparison group, PendingGroupWrites pending, CancellationToken cancellationToken)
    {
        var name = group.Old.GroupName!;
        if (group.Old.RoleArn is { } role && !options.RoleMap.ContainsKey(role))
        {
            // As `groups` refuses: a role of another account or region cannot be reused as is. This group waits
            // (reported, exit 1); the users and every other group are kept current.
            await record(Entry(name, name, StragglerOutcomes.Failed, RoleNotMapped, $"its role {role} has no --role-map entry; the group is not created and its memberships are not mirrored"));
            return false;
        }

        var change = Entry(name, name, GroupCreated, null, null);
        if (options.DryRun)
        {
            await record(change with { Outcome = SyncOutcomes.Would(GroupCreated) });
            return true;
        }

        await paces.Writes.WaitAsync(cancellationToken);
        await AnnounceAsync(change);
        try
        {
            await standby.CreateGroupAsync(new CreateGroupRequest
            {
                UserPoolId = options.StandbyUserPoolId,
                GroupName = name,
                Description = string.IsNullOrEmpty(group.Wanted.Description) ? null : group.Wanted.Description,
                Precedence = group.Wanted.Precedence,
                RoleArn = group.Wanted.RoleArn,
            }, cancellationToken);
        }
        catch (GroupExistsException)
        {
            // Made by the killed run that announced it (counted once, now), or by someone else since the listing.
            change = change with { Detail = pending.Take(name, GroupCreated, name) ? "made by an interrupted run" : "created by someone else since the listing" };
        }
        catch (AwsServiceException e) when (!SweepErrors.EndsTheRun(e))
        {
            await record(change with { Outcome = StragglerOutcomes.Failed, Reason = SweepErrors.Reason(e), Detail = $"{GroupCreated}: {e.Message}" });
            return false;
        }

        pending.Take(name, GroupCreated, name);
        await record(change);
        return true;
    }

    private async Task MirrorMembersAsync(string group, bool existsInStandby, PendingGroupWrites pending, CancellationToken cancellationToken)
    {
        // Both listings complete before the first write; either failing ends the pass (a rerun resumes at this group).
        var inPrimary = await PoolGroups.MembersAsync(primary, options.PrimaryUserPoolId, "primary", group, paces.PrimaryMembers.WaitAsync, cancellationToken);
        if (inPrimary is null)
        {
            // Deleted from the primary since it was listed: nothing to compare with, so nothing is removed.
            return;
        }

        var inStandby = existsInStandby
            ? await PoolGroups.MembersAsync(standby, options.StandbyUserPoolId, "standby", group, paces.StandbyMembers.WaitAsync, cancellationToken)
            : [];
        if (inStandby is null)
        {
            return;
        }

        var primaryKeys = inPrimary.Select(names.Key).ToHashSet(StringComparer.Ordinal);
        var standbyKeys = inStandby.Select(names.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var member in inPrimary.Where(m => !standbyKeys.Contains(names.Key(m))).Distinct(names))
        {
            if (StandbyName(member) is not { } username)
            {
                Summary.MembersNotInStandby++;
                continue;
            }

            await WriteAsync(group, username, MembershipAdded, pending, token => standby.AdminAddUserToGroupAsync(
                new AdminAddUserToGroupRequest { UserPoolId = options.StandbyUserPoolId, Username = username, GroupName = group }, token), cancellationToken);
        }

        foreach (var member in inStandby.Where(m => !primaryKeys.Contains(names.Key(m))))
        {
            if (!Managed(member))
            {
                Summary.MembershipsLeftAlone++;
                continue;
            }

            await WriteAsync(group, member, MembershipRemoved, pending, token => standby.AdminRemoveUserFromGroupAsync(
                new AdminRemoveUserFromGroupRequest { UserPoolId = options.StandbyUserPoolId, Username = member, GroupName = group }, token), cancellationToken);
        }

        // Announced by a killed run and holding now (nothing left to do for them above): made by it, counted once.
        foreach (var (username, outcome) in pending.Holding(group, primaryKeys, standbyKeys, names))
        {
            await record(Entry(username, group, outcome, null, "made by an interrupted run"));
        }
    }

    // The standby's own username for a primary member the standby holds as the primary's; null for any other.
    private string? StandbyName(string primaryUsername) => !Managed(primaryUsername) ? null
        : index.Find(primaryUsername)?.Username ?? primaryUsername;

    // A user whose memberships sync keeps: met in the primary's listing of this pass (an index entry the listing
    // did not meet may be a stranger holding a name the primary took since) or created by it, and not reported.
    private bool Managed(string standbyUsername) =>
        !users.Excluded(standbyUsername) && (index.Find(standbyUsername)?.Seen == true || users.Created(standbyUsername));

    private async Task WriteAsync(
        string group, string username, string outcome, PendingGroupWrites pending, Func<CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var change = Entry(username, group, outcome, null, null);
        if (options.DryRun)
        {
            await record(change with { Outcome = SyncOutcomes.Would(outcome) });
            return;
        }

        await paces.Writes.WaitAsync(cancellationToken);
        await AnnounceAsync(change);
        try
        {
            await write(cancellationToken);
        }
        catch (UserNotFoundException)
        {
            // Deleted from the standby since it was listed: the next pass settles the user first.
            change = change with { Outcome = StragglerOutcomes.Skipped, Reason = "GoneFromStandby", Detail = $"{outcome}: deleted from the standby during the pass" };
        }
        catch (AwsServiceException e) when (!SweepErrors.EndsTheRun(e))
        {
            change = change with { Outcome = StragglerOutcomes.Failed, Reason = SweepErrors.Reason(e), Detail = $"{outcome}: {e.Message}" };
        }

        pending.Take(username, outcome, group);
        await record(change);
    }

    private Task AnnounceAsync(JournalEntry change) =>
        journal?.AppendAsync(change with { E = JournalEntry.IntentKind, At = time.GetUtcNow() }) ?? Task.CompletedTask;

    private JournalEntry Entry(string user, string group, string outcome, string? reason, string? detail) =>
        new() { E = JournalEntry.OutcomeKind, Seq = ++_sequence, User = user, Group = group, Outcome = outcome, Reason = reason, Detail = detail };

    /// <summary>
    /// The group writes a killed run announced and did not record, by (user, kind, group).
    /// </summary>
    internal sealed class PendingGroupWrites
    {
        private readonly HashSet<(string User, string Outcome, string Group)> _pending = [];

        public static async Task<PendingGroupWrites> ReadAsync(SyncOptions options, CancellationToken cancellationToken)
        {
            var writes = new PendingGroupWrites();
            var path = new SyncWorkspace(options.ResolvedWorkDirectory).JournalPath;
            if (!File.Exists(path))
            {
                return writes;
            }

            await foreach (var line in JsonLinesReader.ReadAsync(path, 0, cancellationToken))
            {
                if (!line.Terminated)
                {
                    break;
                }

                if (JsonSerializer.Deserialize(line.Bytes.Span, SweepJson.Context.JournalEntry) is not { Seq: > FirstSequence, Group: { } group, Outcome: { } } entry)
                {
                    continue;
                }

                if (entry.E == JournalEntry.IntentKind)
                {
                    writes._pending.Add((entry.User, entry.Outcome, group));
                }
                else
                {
                    // An outcome line settles the announcement it follows, whatever became of the write.
                    writes._pending.RemoveWhere(p => p.User == entry.User && p.Group == group);
                }
            }

            return writes;
        }

        /// <summary>Forgets an announcement whose outcome is being recorded; true when there was one.</summary>
        public bool Take(string user, string outcome, string group) => _pending.Remove((user, outcome, group));

        /// <summary>
        /// The announcements of <paramref name="group"/> that hold now (an added member is a member, a removed one
        /// is not), taken: the killed run made them.
        /// </summary>
        public List<(string User, string Outcome)> Holding(string group, HashSet<string> primaryKeys, HashSet<string> standbyKeys, NameRule names)
        {
            var holding = _pending.Where(p => p.Group == group && (p.Outcome == MembershipAdded
                ? standbyKeys.Contains(names.Key(p.User))
                : p.Outcome == MembershipRemoved && !standbyKeys.Contains(names.Key(p.User)) && !primaryKeys.Contains(names.Key(p.User)))).ToList();
            foreach (var write in holding)
            {
                _pending.Remove(write);
            }

            return [.. holding.Select(p => (p.User, p.Outcome))];
        }
    }
}

/// <summary>One pace per quota category and pool the group phase draws on.</summary>
/// <param name="PrimaryGroups">ListGroups on the primary.</param>
/// <param name="StandbyGroups">ListGroups on the standby.</param>
/// <param name="PrimaryMembers">ListUsersInGroup on the primary (UserList in its region, with its ListUsers).</param>
/// <param name="StandbyMembers">ListUsersInGroup on the standby (UserList in its region).</param>
/// <param name="Writes">CreateGroup, AdminAddUserToGroup, AdminRemoveUserFromGroup on the standby (UserResourceUpdate).</param>
internal sealed record GroupPaces(RequestPace PrimaryGroups, RequestPace StandbyGroups, RequestPace PrimaryMembers, RequestPace StandbyMembers, RequestPace Writes);

/// <summary>The group phase's findings besides its changes, in the report.</summary>
internal sealed class SyncGroupsSummary
{
    /// <summary>Groups the primary has (each compared with the standby's).</summary>
    public int PrimaryGroups { get; init; }

    /// <summary>Groups only the standby has: never touched, nor their members.</summary>
    public List<string> StandbyOnly { get; init; } = [];

    /// <summary>Groups both have, with another description, precedence or role in the standby: left as they are.</summary>
    public List<string> Differing { get; init; } = [];

    /// <summary>Primary memberships not mirrored because the standby does not hold that user as the primary's (yet).</summary>
    public long MembersNotInStandby { get; set; }

    /// <summary>Standby memberships the primary lacks, of users sync does not manage (gone from the primary, reported): kept.</summary>
    public long MembershipsLeftAlone { get; set; }
}
