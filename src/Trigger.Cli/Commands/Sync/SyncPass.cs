using System.Globalization;
using System.Text;
using System.Text.Json;
using Polly.Timeout;
using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Cli.Exits;
using Trigger.Cli.Options;
using Trigger.Cli.Commands.Sweep;
using Trigger.Cli.Files;
using Trigger.Migration.Attributes;
using Trigger.Cli.Pacing;

namespace Trigger.Cli.Commands.Sync;

/// <summary>
/// One sync pass: index the standby (ListUsers), walk the primary page by page (ListUsers), settle each user,
/// then handle the standby users the primary no longer has. After each primary page the names met go to
/// seen.txt and the position to checkpoint.json; every change is journalled as it is made, an intent before
/// each creation. Killed at any moment, the same command resumes: the page in progress is read again, the
/// users the journal settled are passed over, and a change already made compares equal, so nothing is lost
/// and nothing is applied or counted twice.
/// </summary>
internal sealed class SyncPass(
    SyncOptions options,
    SyncSetup setup,
    SyncWorkspace workspace,
    ICognitoIdentityProvider primary,
    ICognitoIdentityProvider standby,
    TextWriter output,
    TextWriter messages,
    TimeProvider time,
    IDurableFiles files)
{
    // ListGroups pages per second on each pool: a few pages a pass, well below its category's quota.
    private const double GroupListPagesPerSecond = 4;

    private readonly long _started = time.GetTimestamp();
    private readonly AttributeMapper _mapper = new(setup.Mapping);
    private readonly IdentityProof _identity = new(setup.Mapping.LegacySubAttribute, setup.StandbySchema.Names, setup.LegacySubProves);
    private SweepTally _tally = new();
    private SyncedUsers _users = new(setup.StandbySchema.Names);
    private GroupMirror? _groups;
    private long _writes;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // One pace per quota category and region. The standby's creation and password step are the sweep's.
        using var paces = new SweepPaces(
            new SweepOptions
            {
                NewUserPoolId = options.StandbyUserPoolId,
                CreatesPerSecond = options.CreatesPerSecond,
                PasswordCallsPerSecond = options.UpdatesPerSecond,
                ReadsPerSecond = options.ReadsPerSecond,
                PagesPerSecond = options.PagesPerSecond,
            },
            time);
        using var standbyList = new RequestPace(options.StandbyPagesPerSecond, time);
        using var primaryRead = new RequestPace(options.ReadsPerSecond, time);

        // ListGroups is a pool-resource read (a few pages); the group writes have their own category (UserResourceUpdate).
        using var primaryGroupList = new RequestPace(GroupListPagesPerSecond, time);
        using var standbyGroupList = new RequestPace(GroupListPagesPerSecond, time);
        using var groupWrites = new RequestPace(options.GroupWritesPerSecond, time);

        var checkpoint = options.DryRun ? null : await OpenPassAsync();
        var start = checkpoint ?? NewCheckpoint();
        JournalReplay replay;
        try
        {
            replay = options.DryRun ? new JournalReplay() : await JournalReplay.ReadAsync(workspace.JournalPath, start.Resume.Sequence, limit: null, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw CliFailure.Usage($"{e.Message} Nothing was sent.");
        }

        // The journal's changes so far count in this run's report: a resumed pass reports the whole pass.
        _tally = replay.Tally;

        var pending = options.DryRun ? new PendingWrites() : await PendingWrites.ReadAsync(workspace.JournalPath, cancellationToken);
        _users = options.DryRun ? _users : await SyncedUsers.ReadAsync(workspace.JournalPath, setup.StandbySchema.Names, cancellationToken);
        var index = new StandbyIndex(setup.StandbySchema.Names);
        Exception? fault = null;
        var state = new PassState(start);
        SweepJournal? journal = null;
        IDurableAppender? seen = null;
        try
        {
            if (checkpoint is not null && checkpoint.Resume.Sequence > 0)
            {
                await messages.WriteLineAsync(
                    string.Create(CultureInfo.InvariantCulture, $"sync: resuming the pass started {checkpoint.StartedAt:u} in {workspace.Directory}: {checkpoint.Resume.Sequence:N0} primary users already compared."));
            }

            await index.LoadAsync(standby, options.StandbyUserPoolId, standbyList, cancellationToken);
            if (!options.DryRun)
            {
                var seenLength = MarkSeen(index);
                seen = files.OpenAppender(workspace.SeenPath, seenLength);
                journal = new SweepJournal(files.OpenAppender(workspace.JournalPath, replay.ValidLength));
                if (checkpoint is null)
                {
                    await WriteCheckpointAsync(start);
                }
            }

            var creator = new AdminStragglerCreator(
                standby,
                options.StandbyUserPoolId,
                new StragglerTriage(_mapper, setup.StandbySchema, allowDroppedAttributes: false),
                paces,
                _identity,
                reread: null,
                notify: false,
                options.DryRun,
                replay.InDoubt,
                options.SweepKey,
                time);
            var settler = new SyncUserSettler(options, standby, paces, _identity, _mapper, creator, replay.InDoubt, pending, journal, time);
            if (state.Checkpoint.Phase == SyncCheckpoint.ListingPhase)
            {
                await ListPrimaryAsync(paces.List, index, replay, settler, journal, seen, state, cancellationToken);
            }

            if (state.Checkpoint.Phase == SyncCheckpoint.MissingPhase)
            {
                await HandleMissingAsync(primaryRead, paces.Password, index, replay, pending, journal, state, cancellationToken);
            }

            if (state.Checkpoint.Phase == SyncCheckpoint.GroupsPhase)
            {
                _groups = new GroupMirror(
                    options,
                    primary,
                    standby,
                    setup.StandbySchema.Names,
                    index,
                    _users,
                    new GroupPaces(primaryGroupList, standbyGroupList, paces.List, standbyList, groupWrites),
                    change => RecordAsync(journal, change),
                    journal,
                    time);
                await _groups.RunAsync(state.Checkpoint.GroupsDone, group => PhaseStepAsync(state, state.Checkpoint with { GroupsDone = group }), cancellationToken);
                state.Checkpoint = state.Checkpoint with { Phase = SyncCheckpoint.DonePhase, UpdatedAt = time.GetUtcNow() };
                state.Complete = true;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or AwsServiceException or HttpRequestException or TimeoutRejectedException
            or IOException or UnauthorizedAccessException or InvalidOperationException or InvalidDataException or CliFailure)
        {
            fault = e;
        }
        finally
        {
            if (journal is not null)
            {
                await journal.DisposeAsync();
            }

            seen?.Dispose();
        }

        return await FinishAsync(index, state, paces.List.Granted, fault);
    }

    private async Task ListPrimaryAsync(
        RequestPace listPace,
        StandbyIndex index,
        JournalReplay replay,
        SyncUserSettler settler,
        SweepJournal? journal,
        IDurableAppender? seen,
        PassState state,
        CancellationToken cancellationToken)
    {
        var source = new LivePoolSource(primary, options.PrimaryUserPoolId, listPace, setup.PrimaryUsersEstimate);
        var pageNames = new List<string>();
        string? pageToken = state.Checkpoint.Resume.PageToken;
        var unchanged = state.Checkpoint.Unchanged;
        var listed = state.Checkpoint.Resume.Sequence;
        await foreach (var candidate in source.ReadAsync(state.Checkpoint.Resume, cancellationToken))
        {
            if (candidate.At.PageToken != pageToken)
            {
                // A new page began: every user of the previous one is settled.
                await PageDoneAsync(seen, pageNames, state, state.Checkpoint with { Resume = candidate.At, Unchanged = unchanged, Listed = listed });
                pageToken = candidate.At.PageToken;
            }

            var username = candidate.User.Username;
            listed = candidate.Sequence + 1;
            pageNames.Add(username);
            index.Find(username)?.Seen = true;
            if (replay.Settled.Contains(username))
            {
                continue;
            }

            var changes = await settler.SettleAsync(candidate, index.Find(username), cancellationToken);
            if (changes.Count == 0)
            {
                unchanged++;
                state.Unchanged = unchanged;
                continue;
            }

            foreach (var change in changes)
            {
                await RecordAsync(journal, change);
            }
        }

        state.Unchanged = unchanged;
        await PageDoneAsync(
            seen,
            pageNames,
            state,
            state.Checkpoint with
            {
                Phase = SyncCheckpoint.MissingPhase,
                Resume = new SourcePosition { Sequence = long.MaxValue / 2 },
                Unchanged = unchanged,
                Listed = listed,
            });
    }

    private async Task HandleMissingAsync(
        RequestPace primaryRead,
        RequestPace updatePace,
        StandbyIndex index,
        JournalReplay replay,
        PendingWrites pending,
        SweepJournal? journal,
        PassState state,
        CancellationToken cancellationToken)
    {
        var sequence = state.Checkpoint.Resume.Sequence;
        var kind = options.DeleteMissing ? SyncOutcomes.Deleted : SyncOutcomes.DisabledMissing;
        foreach (var entry in index.Entries.Where(e => !e.Seen).OrderBy(e => e.Username, StringComparer.Ordinal).ToList())
        {
            sequence++;
            if (replay.Settled.Contains(entry.Username))
            {
                continue;
            }

            if (!options.DeleteMissing && entry.Enabled == false)
            {
                // Already disabled: by an earlier pass, or by the killed run that announced it (counted now, once).
                if (pending.Take(entry.Username, out var made))
                {
                    await RecordAsync(journal, Missing(sequence, entry.Username, made));
                }

                continue;
            }

            // The listing did not show the user; the primary must not find it by name either (created there since
            // the listing passed, or a listing that skipped it): absence is proved, never inferred.
            if (await StillInPrimaryAsync(primaryRead, entry.Username, cancellationToken))
            {
                continue;
            }

            var outcome = kind;
            var change = Missing(sequence, entry.Username, options.DryRun ? SyncOutcomes.Would(outcome) : outcome);
            if (!options.DryRun)
            {
                await updatePace.WaitAsync(cancellationToken);
                pending.Take(entry.Username, out _);
                await journal!.AppendAsync(change with { E = JournalEntry.IntentKind, At = time.GetUtcNow() });
                try
                {
                    if (options.DeleteMissing)
                    {
                        await standby.AdminDeleteUserAsync(new AdminDeleteUserRequest { UserPoolId = options.StandbyUserPoolId, Username = entry.Username }, cancellationToken);
                    }
                    else
                    {
                        await standby.AdminDisableUserAsync(new AdminDisableUserRequest { UserPoolId = options.StandbyUserPoolId, Username = entry.Username }, cancellationToken);
                    }

                    Interlocked.Increment(ref _writes);
                }
                catch (UserNotFoundException)
                {
                    // Gone from the standby already: deleted by the killed run, or by someone else.
                    change = change with { Detail = "already gone from the standby" };
                }
                catch (AwsServiceException e) when (!SweepErrors.EndsTheRun(e))
                {
                    change = change with { Outcome = StragglerOutcomes.Failed, Reason = SweepErrors.Reason(e), Detail = $"{outcome}: {e.Message}" };
                }
            }

            await RecordAsync(journal, change);
        }

        // Deletions the killed run announced: those users are no longer in the index to be met again.
        foreach (var (username, made) in pending.ByUser.Where(p => p.Value == SyncOutcomes.Deleted).ToList())
        {
            pending.Take(username, out _);
            await RecordAsync(journal, Missing(++sequence, username, made));
        }

        // The users are settled; the group phase follows (a killed run resumes there, not here).
        await PhaseStepAsync(state, state.Checkpoint with { Phase = SyncCheckpoint.GroupsPhase, Resume = new SourcePosition { Sequence = GroupMirror.FirstSequence } });
    }

    // Moves the pass on and, unless a dry run, writes where it now stands.
    private async Task PhaseStepAsync(PassState state, SyncCheckpoint next)
    {
        state.Checkpoint = next with { UpdatedAt = time.GetUtcNow() };
        if (!options.DryRun)
        {
            await WriteCheckpointAsync(state.Checkpoint);
        }
    }

    private static JournalEntry Missing(long sequence, string username, string outcome) =>
        new() { E = JournalEntry.OutcomeKind, Seq = sequence, User = username, Outcome = outcome };

    private async Task<bool> StillInPrimaryAsync(RequestPace primaryRead, string username, CancellationToken cancellationToken)
    {
        await primaryRead.WaitAsync(cancellationToken);
        try
        {
            var found = await primary.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = options.PrimaryUserPoolId, Username = username }, cancellationToken);

            // AdminGetUser also answers to aliases: another user's preferred_username is not this user.
            return found.Username is { } name && (setup.PrimaryCaseSensitive
                ? string.Equals(name, username, StringComparison.Ordinal)
                : string.Equals(name.ToLowerInvariant(), username.ToLowerInvariant(), StringComparison.Ordinal));
        }
        catch (UserNotFoundException)
        {
            return false;
        }
    }

    private async Task RecordAsync(SweepJournal? journal, JournalEntry change)
    {
        if (journal is not null)
        {
            await journal.AppendAsync(change);
        }

        _tally.Add(change);
        _users.Note(change);
        if (change.Outcome is SyncOutcomes.Updated or SyncOutcomes.Enabled or SyncOutcomes.Disabled)
        {
            Interlocked.Increment(ref _writes);
        }

        if (options.DryRun && options.Format == OutputFormat.Text)
        {
            await output.WriteLineAsync($"{change.Outcome} {change.User}{(change.Group is null || change.Group == change.User ? string.Empty : " in " + change.Group)}{(change.Reason is null ? string.Empty : " " + change.Reason)}{(change.Detail is null ? string.Empty : " (" + change.Detail + ")")}");
        }
    }

    private async Task PageDoneAsync(IDurableAppender? seen, List<string> pageNames, PassState state, SyncCheckpoint next)
    {
        if (seen is not null && pageNames.Count > 0)
        {
            var text = new StringBuilder();
            foreach (var name in pageNames)
            {
                text.Append(name).Append('\n');
            }

            seen.Append(Encoding.UTF8.GetBytes(text.ToString()));
        }

        pageNames.Clear();
        state.Checkpoint = next with { UpdatedAt = time.GetUtcNow() };
        if (!options.DryRun)
        {
            await WriteCheckpointAsync(state.Checkpoint);
        }
    }

    // Marks the standby users the resumed pass already met; returns the length of seen.txt's complete lines.
    private long MarkSeen(StandbyIndex index)
    {
        if (!File.Exists(workspace.SeenPath))
        {
            return 0;
        }

        var bytes = File.ReadAllBytes(workspace.SeenPath);
        var complete = Array.LastIndexOf(bytes, (byte)'\n') + 1;

        // A line torn by a kill in mid-write is cut off: a prefix of one name could be another's.
        foreach (var line in Encoding.UTF8.GetString(bytes, 0, complete).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            index.Find(line)?.Seen = true;
        }

        return complete;
    }

    // The checkpoint of the pass in progress; null (after setting the finished pass's files aside) when a new one starts.
    private async Task<SyncCheckpoint?> OpenPassAsync()
    {
        System.IO.Directory.CreateDirectory(workspace.Directory);
        SyncCheckpoint? checkpoint = null;
        if (File.Exists(workspace.CheckpointPath))
        {
            try
            {
                checkpoint = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(workspace.CheckpointPath), SweepJson.Context.SyncCheckpoint);
            }
            catch (JsonException e)
            {
                throw CliFailure.Usage($"the checkpoint {workspace.CheckpointPath} is damaged ({e.Message}); remove it to start a new pass.");
            }
        }

        if (checkpoint is not null && (checkpoint.PrimaryUserPoolId != options.PrimaryUserPoolId || checkpoint.StandbyUserPoolId != options.StandbyUserPoolId))
        {
            throw CliFailure.Usage(
                $"the work directory {workspace.Directory} syncs {checkpoint.PrimaryUserPoolId} into {checkpoint.StandbyUserPoolId}; choose another --work-dir for {options.PrimaryUserPoolId} into {options.StandbyUserPoolId}.");
        }

        if (checkpoint is not null && checkpoint.Phase != SyncCheckpoint.DonePhase)
        {
            return checkpoint;
        }

        // A new pass: the finished pass's journal is kept one pass for reading; its seen names start over.
        if (File.Exists(workspace.JournalPath))
        {
            File.Move(workspace.JournalPath, workspace.PreviousJournalPath, overwrite: true);
        }

        File.Delete(workspace.SeenPath);
        return null;
    }

    private SyncCheckpoint NewCheckpoint() => new()
    {
        PrimaryUserPoolId = options.PrimaryUserPoolId,
        StandbyUserPoolId = options.StandbyUserPoolId,
        StartedAt = time.GetUtcNow(),
        UpdatedAt = time.GetUtcNow(),
        Phase = SyncCheckpoint.ListingPhase,
        Resume = SourcePosition.Start,
    };

    private Task WriteCheckpointAsync(SyncCheckpoint checkpoint) =>
        files.ReplaceAsync(workspace.CheckpointPath, JsonSerializer.SerializeToUtf8Bytes(checkpoint, SweepJson.Indented.SyncCheckpoint));

    private async Task<int> FinishAsync(StandbyIndex index, PassState state, long pages, Exception? fault)
    {
        var seconds = time.GetElapsedTime(_started).TotalSeconds;
        var counts = _tally.Counts();
        var report = new SyncReport
        {
            DryRun = options.DryRun,
            PrimaryUserPoolId = options.PrimaryUserPoolId,
            StandbyUserPoolId = options.StandbyUserPoolId,
            Complete = fault is null && state.Complete,
            StoppedBecause = fault is null ? null : Why(fault),
            PrimaryUsers = state.Checkpoint.Listed,
            StandbyUsers = index.Count,
            Unchanged = state.Unchanged,
            Counts = counts,
            Reasons = _tally.Reasons(),
            Groups = _groups?.Summary,
            WorkDirectory = options.DryRun ? null : workspace.Directory,
            Seconds = Math.Round(seconds, 3),
            PagesPerSecond = seconds > 0 ? Math.Round(pages / seconds, 1) : 0,
            UpdatesPerSecond = seconds > 0 ? Math.Round(Interlocked.Read(ref _writes) / seconds, 1) : 0,
        };

        if (fault is not null)
        {
            await messages.WriteLineAsync($"sync: stopped: {report.StoppedBecause}. Every change made so far is recorded; run the same command again to resume.");
        }

        if (!options.DryRun)
        {
            try
            {
                if (report.Complete)
                {
                    await WriteCheckpointAsync(state.Checkpoint);
                    var freshness = new SyncFreshness
                    {
                        PrimaryUserPoolId = options.PrimaryUserPoolId,
                        StandbyUserPoolId = options.StandbyUserPoolId,
                        StartedAt = state.Checkpoint.StartedAt,
                        CompletedAt = time.GetUtcNow(),
                        Counts = counts,
                    };
                    await files.ReplaceAsync(workspace.FreshnessPath, JsonSerializer.SerializeToUtf8Bytes(freshness, SweepJson.Indented.SyncFreshness));
                }

                await files.ReplaceAsync(workspace.ReportPath, JsonSerializer.SerializeToUtf8Bytes(report, SweepJson.Indented.SyncReport));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await messages.WriteLineAsync($"sync: cannot write in {workspace.Directory}: {e.Message}");
                fault ??= e;
            }
        }

        await report.WriteAsync(output, options.Format);
        return fault is not null || _tally.HasFindings() ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static string Why(Exception fault) => fault switch
    {
        OperationCanceledException => "interrupted",
        AwsServiceException aws => $"a pool answered {SweepErrors.Reason(aws)} after the retries: {aws.Message}",
        HttpRequestException http => $"network error: {http.Message}",
        TimeoutRejectedException => "a pool did not answer in time, even after retries",
        IOException io => $"cannot write the sync's state ({io.Message}); the last checkpoint is intact",
        _ => $"{fault.GetType().Name}: {fault.Message}",
    };

    /// <summary>What the pass has done so far.</summary>
    private sealed class PassState(SyncCheckpoint checkpoint)
    {
        public SyncCheckpoint Checkpoint { get; set; } = checkpoint;

        public long Unchanged { get; set; } = checkpoint.Unchanged;

        public bool Complete { get; set; }
    }
}
