using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Cli.Commands.Groups;
using Trigger.Cli.Exits;
using Trigger.Cli.Options;
using Trigger.Cli.Files;
using Trigger.Cli.Pacing;
using Trigger.Migration.Attributes;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// The <c>sweep</c> command's engine: every old user not yet in the new pool is created there (or written
/// to CSV import files), paced, resumable after a kill at any moment, with a report and an id map.
/// </summary>
internal static class SweepRunner
{
    /// <summary>
    /// Sweeps the old pool (or a snapshot) into the new pool as <paramref name="options"/> say. Running it
    /// again with the same work directory resumes where a previous run stopped, with no user lost and none
    /// created twice.
    /// </summary>
    /// <param name="options">What to sweep and how.</param>
    /// <param name="oldPool">A client for the old pool's region; may be null with a snapshot source.</param>
    /// <param name="newPool">A client for the new pool's region.</param>
    /// <param name="output">Receives the report (text, or JSON with <see cref="OutputFormat.Json"/>); in a text dry run also one line per user.</param>
    /// <param name="messages">Receives the warning, the prompt and progress.</param>
    /// <param name="input">Where the answer to the confirmation prompt is read (not read with <see cref="SweepOptions.AssumeYes"/>).</param>
    /// <param name="time">The clock for pacing, polling and timings.</param>
    /// <param name="cancellationToken">Stops the run; what is settled stays settled and a rerun resumes.</param>
    /// <returns>0 when every user is settled without findings; 1 with failed or unmappable users, or when stopped (rerun to resume).</returns>
    /// <exception cref="CliFailure">Exit code 2 for bad options or input, an unknown pool, or no confirmation; 1 when the pools cannot be read or the work directory written.</exception>
    public static Task<int> RunAsync(
        SweepOptions options,
        ICognitoIdentityProvider? oldPool,
        ICognitoIdentityProvider newPool,
        TextWriter output,
        TextWriter messages,
        TextReader input,
        TimeProvider time,
        CancellationToken cancellationToken = default) =>
        RunAsync(options, oldPool, newPool, output, messages, input, time, new SweepSeams(), cancellationToken);

    internal static async Task<int> RunAsync(
        SweepOptions options,
        ICognitoIdentityProvider? oldPool,
        ICognitoIdentityProvider newPool,
        TextWriter output,
        TextWriter messages,
        TextReader input,
        TimeProvider time,
        SweepSeams seams,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(newPool);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(seams);

        // One sweep per work directory: taken before its files are read when it exists, else once confirmed.
        var held = new StrongBox<WorkDirectoryLock?>();
        try
        {
            return await LockedRunAsync(options, oldPool, newPool, output, messages, input, time, seams, held, cancellationToken);
        }
        finally
        {
            held.Value?.Dispose();
        }
    }

    private static async Task<int> LockedRunAsync(
        SweepOptions options,
        ICognitoIdentityProvider? oldPool,
        ICognitoIdentityProvider newPool,
        TextWriter output,
        TextWriter messages,
        TextReader input,
        TimeProvider time,
        SweepSeams seams,
        StrongBox<WorkDirectoryLock?> held,
        CancellationToken cancellationToken)
    {
        if (options.Problem() is null && Directory.Exists(options.ResolvedWorkDirectory))
        {
            held.Value = WorkDirectoryLock.Acquire(options.ResolvedWorkDirectory, time);
        }

        SweepSetup setup;
        try
        {
            setup = await PrepareAsync(options, oldPool, newPool, messages, time, seams, cancellationToken);
        }
        catch (AwsServiceException e)
        {
            throw new CliFailure($"cannot read the pools: {SweepErrors.Reason(e)}: {e.Message} Nothing was written.", e);
        }

        if (!options.DryRun && setup.Checkpoint is { ListingComplete: true } done && (options.Strategy == SweepStrategy.Admin || done.Parts.All(p => !options.RunImport || p.IsJobFinished)))
        {
            await messages.WriteLineAsync(
                $"sweep: the sweep in {setup.Workspace.Directory} already finished ({done.UpdatedAt:u}); its report follows. Use --restart to sweep again.");
            return await ReprintReportAsync(setup.Workspace, output, options.Format);
        }

        if (!options.DryRun && !await ConfirmAsync(options, setup, messages, input))
        {
            throw CliFailure.Usage("not confirmed; nothing was written. Pass --yes to run without this question.");
        }

        if (held.Value is null)
        {
            held.Value = WorkDirectoryLock.Acquire(setup.Workspace.Directory, time);
            if (setup.Checkpoint is null && File.Exists(setup.Workspace.CheckpointPath) && !options.DryRun)
            {
                throw CliFailure.Usage($"another sweep started in {setup.Workspace.Directory} while this one was being prepared. Run the command again to resume it.");
            }
        }

        if (setup.Restarting)
        {
            var archive = setup.Workspace.Archive(time, setup.CarriedInDoubt);
            await messages.WriteLineAsync($"sweep: --restart: the previous run's files were moved to {archive}.");
        }

        using var paces = new SweepPaces(options, time);
        var run = new PreparedSweep(options, setup, newPool, paces, output, messages, time, seams);
        return options.DryRun ? await run.DryRunAsync(cancellationToken)
            : options.Strategy == SweepStrategy.Admin ? await run.AdminAsync(cancellationToken)
            : await run.CsvAsync(cancellationToken);
    }

    private static async Task<SweepSetup> PrepareAsync(
        SweepOptions options,
        ICognitoIdentityProvider? oldPool,
        ICognitoIdentityProvider newPool,
        TextWriter messages,
        TimeProvider time,
        SweepSeams seams,
        CancellationToken cancellationToken)
    {
        if (options.Problem() is { } problem)
        {
            throw CliFailure.Usage(problem);
        }

        SnapshotSource? snapshot = null;
        if (options.SnapshotPath is { } snapshotPath)
        {
            try
            {
                snapshot = await SnapshotSource.OpenAsync(snapshotPath, cancellationToken);
            }
            catch (InvalidDataException e)
            {
                throw CliFailure.Usage(e.Message);
            }
        }
        else if (oldPool is null)
        {
            throw CliFailure.Usage("a client for the old pool is needed to sweep from --old-pool-id.");
        }

        var newDescribed = await DescribeAsync(newPool, options.NewUserPoolId, "new", "--new-pool-id and --new-region", cancellationToken);
        var schema = NewPoolSchema.From(newDescribed);
        long? expected = snapshot?.ExpectedUsers;
        if (snapshot is null)
        {
            var oldDescribed = await DescribeAsync(oldPool!, options.OldUserPoolId!, "old", "--old-pool-id and --old-region", cancellationToken);
            expected = oldDescribed.EstimatedNumberOfUsers;
        }

        var mapping = MappingFor(options.Attributes, schema);
        var workspace = new SweepWorkspace(options.ResolvedWorkDirectory);
        SweepCheckpoint? checkpoint;
        try
        {
            checkpoint = workspace.ReadCheckpoint();
        }
        catch (InvalidDataException e) when (!options.Restart)
        {
            throw CliFailure.Usage(e.Message);
        }
        catch (InvalidDataException)
        {
            checkpoint = null;
        }

        var identity = snapshot?.Identity ?? $"pool:{options.OldUserPoolId}";
        var strategy = options.Strategy.ToString().ToLowerInvariant();
        IReadOnlyDictionary<string, DateTimeOffset?> carried = new Dictionary<string, DateTimeOffset?>();
        var restarting = false;
        if (options.Restart && !options.DryRun && (checkpoint is not null || File.Exists(workspace.JournalPath)))
        {
            // Creations the set-aside run left in doubt stay in doubt: such a user may sit in FORCE_CHANGE_PASSWORD,
            // and the new run must finish it, not take it for a user migrated by someone else.
            try
            {
                carried = (await JournalReplay.ReadAsync(workspace.JournalPath, 0, limit: null, cancellationToken)).InDoubt;
            }
            catch (InvalidDataException e)
            {
                throw CliFailure.Usage($"--restart: {e.Message} Repair or remove it first; nothing was moved.");
            }

            // Set aside only once the run is confirmed and the work directory locked (RunAsync).
            restarting = true;
            checkpoint = null;
        }

        if (checkpoint is not null && !options.DryRun)
        {
            var mismatch =
                checkpoint.Source != identity ? $"sweeps {checkpoint.Source}, not {identity}"
                : checkpoint.NewUserPoolId != options.NewUserPoolId ? $"sweeps into {checkpoint.NewUserPoolId}, not {options.NewUserPoolId}"
                : checkpoint.Strategy != strategy ? $"uses the {checkpoint.Strategy} strategy, not {strategy}"
                : checkpoint.Notify != options.Notify ? $"was started {(checkpoint.Notify ? "with" : "without")} --notify"
                : snapshot is not null && checkpoint.SnapshotBytes != snapshot.Length ? "was started on a snapshot of another size: the file changed"
                : null;
            if (mismatch is not null)
            {
                throw CliFailure.Usage(
                    $"the work directory {workspace.Directory} holds a sweep that {mismatch}. Resume it with the same options, choose another --work-dir, or pass --restart.");
            }
        }

        var (newPoolGroups, groupsNotCarried) = await GroupsToCarryAsync(options, snapshot, newPool, time, cancellationToken);
        if (groupsNotCarried is not null && !options.DryRun)
        {
            await messages.WriteLineAsync($"sweep: warning: no group memberships are carried: {groupsNotCarried}");
        }

        // From the live pool the memberships are read by group before the listing (ListGroups, ListUsersInGroup per
        // group: UserList, at the listing's pace), as the export does; a resumed run reads them again.
        MembershipIndex? liveMemberships = null;
        if (snapshot is null && newPoolGroups is not null)
        {
            using var pace = new RequestPace(options.PagesPerSecond, time);
            liveMemberships = await MembershipIndex.ReadAsync(oldPool!, options.OldUserPoolId!, ct => pace.WaitAsync(ct).AsTask(), time, cancellationToken);
            await messages.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"sweep: {liveMemberships.Memberships:N0} group memberships of {liveMemberships.Users:N0} users in {liveMemberships.Groups:N0} groups read from the old pool."));
        }

        Func<RequestPace, IStragglerSource> source = snapshot is not null
            ? _ => snapshot
            : pace => new LivePoolSource(oldPool!, options.OldUserPoolId!, pace, expected) { Memberships = liveMemberships };
        Func<RequestPace, OldPoolReread?> reread = _ => null;
        if (snapshot is not null && !options.TrustSnapshot && options.Strategy == SweepStrategy.Admin)
        {
            if (oldPool is null)
            {
                throw CliFailure.Usage(
                    $"each snapshot user is read again from the old pool {snapshot.OldUserPoolId} before it is created, and no client for it was given. "
                    + "Only for a restore where the old pool is gone, pass --trust-snapshot.");
            }

            await DescribeAsync(
                oldPool,
                snapshot.OldUserPoolId,
                "old",
                "--old-region; the snapshot's users are read again from the pool it was exported from (for a restore where that pool is gone, pass --trust-snapshot)",
                cancellationToken);
            reread = pace => new OldPoolReread(oldPool, snapshot.OldUserPoolId, pace);
        }

        var legacySubWriters = await LegacySubWritersAsync(newPool, options.NewUserPoolId, mapping.LegacySubAttribute, cancellationToken);
        if (legacySubWriters.Count > 0)
        {
            await messages.WriteLineAsync(
                $"sweep: warning: app clients of the new pool may write {mapping.LegacySubAttribute} ({string.Join(", ", legacySubWriters)}); "
                + "an old sub is in every ID token the old pool issued, so a matching value proves nothing alone: a verified email or phone must match too. "
                + "Remove the attribute from those clients' WriteAttributes.");
        }

        return new SweepSetup(source, schema, mapping, workspace, checkpoint, identity, strategy, snapshot?.Length)
        {
            LegacySubWriters = legacySubWriters,
            RereadFor = reread,
            CarriedInDoubt = carried,
            Restarting = restarting,
            NewPoolGroups = newPoolGroups,
            GroupsNotCarried = groupsNotCarried,
        };
    }

    // The admin sweep carries the memberships a snapshot records on each user's line, or those of the live old pool; it
    // needs the new pool's group names (ListGroups, paced as a listing) to count a missing group without a failing call
    // per member. A source that records no groups is said so, never taken for users without groups.
    private static async Task<(IReadOnlySet<string>? NewPoolGroups, string? NotCarried)> GroupsToCarryAsync(
        SweepOptions options, SnapshotSource? snapshot, ICognitoIdentityProvider newPool, TimeProvider time, CancellationToken cancellationToken)
    {
        const string After = "run `cognito-migrate groups --old-pool-id <old> --new-pool-id <new> --members` after the sweep";
        if (options.Strategy != SweepStrategy.Admin)
        {
            return (null, $"an import job cannot set groups; {After}.");
        }

        if (snapshot is { GroupsRecorded: false })
        {
            return (null, $"the snapshot {snapshot.Path} records no groups (format 1, or exported with --no-groups); export it again with this version, or {After}.");
        }

        if (options.DryRun)
        {
            return (null, null);
        }

        using var pace = new RequestPace(GroupListing.PagesPerSecond, time);
        var names = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var name in GroupListing.GroupNamesAsync(newPool, options.NewUserPoolId, ct => pace.WaitAsync(ct).AsTask(), cancellationToken))
        {
            names.Add(name);
        }

        return (names, null);
    }

    // The app clients (by name) whose custom WriteAttributes list holds the legacy-sub attribute. Without a custom
    // list a client writes standard attributes only (API reference, UserPoolClientType.WriteAttributes), and the
    // legacy-sub attribute is always custom.
    internal static async Task<IReadOnlyList<string>> LegacySubWritersAsync(
        ICognitoIdentityProvider newPool, string newUserPoolId, string? legacySubAttribute, CancellationToken cancellationToken)
    {
        if (legacySubAttribute is null)
        {
            return [];
        }

        var writers = new List<string>();
        await foreach (var listed in newPool.ListAllUserPoolClientsAsync(new ListUserPoolClientsRequest { UserPoolId = newUserPoolId, MaxResults = 60 }, cancellationToken))
        {
            if (listed.ClientId is null)
            {
                continue;
            }

            var described = await newPool.DescribeUserPoolClientAsync(
                new DescribeUserPoolClientRequest { UserPoolId = newUserPoolId, ClientId = listed.ClientId }, cancellationToken);
            if (described.UserPoolClient?.WriteAttributes?.Contains(legacySubAttribute, StringComparer.Ordinal) == true)
            {
                writers.Add(listed.ClientName ?? listed.ClientId);
            }
        }

        return writers;
    }

    internal static async Task<UserPoolType> DescribeAsync(
        ICognitoIdentityProvider client, string poolId, string which, string options, CancellationToken cancellationToken)
    {
        try
        {
            var described = await client.DescribeUserPoolAsync(new DescribeUserPoolRequest { UserPoolId = poolId }, cancellationToken);
            return described.UserPool ?? throw CliFailure.Usage($"DescribeUserPool returned nothing for the {which} pool '{poolId}'.");
        }
        catch (ResourceNotFoundException)
        {
            throw CliFailure.Usage(
                $"the {which} pool '{poolId}' does not exist in this region (ResourceNotFoundException); check {options}. Nothing was sent or written.");
        }
    }

    internal static AttributeMappingOptions MappingFor(AttributeMappingOptions given, NewPoolSchema schema)
    {
        var custom = given.NewCustomAttributes.Count > 0 ? given.NewCustomAttributes : schema.CustomAttributes;
        var missing = custom.Where(a => !schema.CustomAttributes.Contains(a)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0 && schema.CustomAttributes.Count > 0)
        {
            throw CliFailure.Usage($"--new-custom-attributes lists {string.Join(", ", missing)}, which the new pool's schema lacks.");
        }

        if (given.LegacySubAttribute is { } legacy && !custom.Contains(legacy) && !schema.CustomAttributes.Contains(legacy))
        {
            throw CliFailure.Usage($"--legacy-sub-attribute {legacy} is not a custom attribute of the new pool.");
        }

        return given with { NewCustomAttributes = custom };
    }

    private static async Task<bool> ConfirmAsync(SweepOptions options, SweepSetup setup, TextWriter messages, TextReader input)
    {
        var afterwards = options.Strategy == SweepStrategy.Csv
            ? "Imported users land in RESET_REQUIRED: each must reset the password (forgot-password) at the next sign-in."
            : options.Notify
                ? "Each swept user is sent a password-reset code and must use it (RESET_REQUIRED)."
                : "Swept users are CONFIRMED with a password nobody knows and no message is sent: each must use forgot-password to sign in.";
        await messages.WriteLineAsync("WARNING: a swept user exists in the new pool from now on, so the migration trigger never runs for them again:");
        await messages.WriteLineAsync("they can no longer keep their old password through the trigger. " + afterwards);
        await messages.WriteLineAsync("Sweep only after the lazy-migration window has ended.");
        if (options.AssumeYes)
        {
            return true;
        }

        var rate = options.Strategy == SweepStrategy.Admin
            ? string.Create(CultureInfo.InvariantCulture, $", up to {options.CreatesPerSecond} creations per second")
            : string.Empty;
        await messages.WriteAsync(
            $"Sweep {setup.SourceIdentity} into {options.NewUserPoolId} ({setup.Strategy}{rate}, work directory {setup.Workspace.Directory})? [y/N] ");
        await messages.FlushAsync();
        var answer = (await input.ReadLineAsync())?.Trim();
        return answer is not null && (answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<int> ReprintReportAsync(SweepWorkspace workspace, TextWriter output, OutputFormat format)
    {
        if (!File.Exists(workspace.ReportPath))
        {
            return ExitCodes.Success;
        }

        var report = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(workspace.ReportPath), SweepJson.Context.SweepReport);
        if (report is null)
        {
            return ExitCodes.Success;
        }

        await SweepReportWriter.WriteAsync(output, report, format);
        return report.Counts.Any(c => StragglerOutcomes.IsFinding(c.Key) && c.Value > 0) ? ExitCodes.Failure : ExitCodes.Success;
    }
}

/// <summary>Everything the sweep established before its first write.</summary>
internal sealed record SweepSetup(
    Func<RequestPace, IStragglerSource> SourceFor,
    NewPoolSchema Schema,
    AttributeMappingOptions Mapping,
    SweepWorkspace Workspace,
    SweepCheckpoint? Checkpoint,
    string SourceIdentity,
    string Strategy,
    long? SnapshotBytes)
{
    /// <summary>Admin strategy from a snapshot: reads each user again from the old pool before creating it; null result with --trust-snapshot.</summary>
    public Func<RequestPace, OldPoolReread?> RereadFor { get; init; } = _ => null;

    /// <summary>With --restart: the creations the set-aside run left in doubt, with their intents' times.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset?> CarriedInDoubt { get; init; } = new Dictionary<string, DateTimeOffset?>();

    /// <summary>The new pool's app clients that may write the legacy-sub attribute; while any does, it proves nothing alone.</summary>
    public IReadOnlyList<string> LegacySubWriters { get; init; } = [];

    /// <summary>The new pool's group names when the admin sweep carries memberships (a snapshot that records them); else null.</summary>
    public IReadOnlySet<string>? NewPoolGroups { get; init; }

    /// <summary>Why no membership can be carried by this run (said once, and in the report); null when they are.</summary>
    public string? GroupsNotCarried { get; init; }

    /// <summary>--restart: the previous run's files are to be set aside (after confirmation), its in-doubt intents carried.</summary>
    public bool Restarting { get; init; }
}
