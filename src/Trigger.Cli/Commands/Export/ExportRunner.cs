using System.Globalization;
using System.Text.Json;
using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Cli.Exits;
using Trigger.Cli.Options;
using Trigger.Cli.Commands.Groups;
using Trigger.Cli.Commands.Sweep;
using Trigger.Cli.Files;
using Trigger.Cli.Pacing;

namespace Trigger.Cli.Commands.Export;

/// <summary>
/// The <c>export</c> command's engine: the old pool to a JSON Lines snapshot, page by page, paced under
/// the UserList quota, resumable from a checkpoint, the file appearing only once complete.
/// </summary>
internal static class ExportRunner
{
    /// <summary>
    /// Exports <see cref="ExportOptions.OldUserPoolId"/> to <see cref="ExportOptions.OutputPath"/>. While running,
    /// lines go to <c>&lt;file&gt;.partial</c> and the position to <c>&lt;file&gt;.checkpoint</c>; the same call after an
    /// interruption resumes after the last complete page. At the end a summary line is appended, the file is
    /// renamed to its final name and the checkpoint removed.
    /// </summary>
    /// <param name="options">What to export.</param>
    /// <param name="oldPool">A client for the old pool's region.</param>
    /// <param name="output">Receives the final report (text or JSON).</param>
    /// <param name="messages">Receives progress, warnings and errors.</param>
    /// <param name="time">The clock for pacing and timings.</param>
    /// <param name="cancellationToken">Stops after the current page; the checkpoint stays for a resume.</param>
    /// <returns>0 when exported, 1 when stopped by an error or interrupted (run again to resume), 2 for bad options or an unknown pool.</returns>
    public static Task<int> RunAsync(
        ExportOptions options,
        ICognitoIdentityProvider oldPool,
        TextWriter output,
        TextWriter messages,
        TimeProvider time,
        CancellationToken cancellationToken = default) =>
        RunAsync(options, oldPool, output, messages, time, DurableFiles.Instance, cancellationToken);

    internal static async Task<int> RunAsync(
        ExportOptions options,
        ICognitoIdentityProvider oldPool,
        TextWriter output,
        TextWriter messages,
        TimeProvider time,
        IDurableFiles files,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(oldPool);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(time);

        if (options.Problem() is { } problem)
        {
            throw CliFailure.Usage(problem);
        }

        var paths = new ExportPaths(Path.GetFullPath(options.OutputPath));
        if (File.Exists(paths.Final) && !options.Overwrite)
        {
            throw CliFailure.Usage($"{paths.Final} already exists; pass --overwrite to replace it, or choose another --file.");
        }

        ExportCheckpoint? checkpoint;
        try
        {
            checkpoint = ReadCheckpoint(paths.Checkpoint, paths.Partial, options);
        }
        catch (InvalidDataException e)
        {
            throw CliFailure.Usage(e.Message);
        }

        var estimated = await EstimateUsersAsync(options, oldPool, cancellationToken);

        var started = time.GetTimestamp();
        var run = new ExportRun(options, oldPool, files, paths, time, new ProgressMeter(messages, time, "users", estimated, options.InteractiveProgress, options.ProgressInterval));
        var resumed = checkpoint is not null;
        try
        {
            checkpoint = await run.OpenAsync(checkpoint, messages);
            await run.ReadMembershipsAsync(messages, cancellationToken);
            checkpoint = await run.PageThroughUsersAsync(checkpoint, cancellationToken);
            run.Complete(checkpoint);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw run.Stopped("interrupted");
        }
        catch (AwsServiceException e)
        {
            throw run.Stopped($"the old pool answered {e.ErrorCode ?? "an error"} after the retries: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw run.Stopped($"cannot write next to {paths.Final}: {e.Message}", e);
        }
        catch (InvalidDataException e)
        {
            // A group listing that hands back its own page token: stopped rather than read forever.
            throw run.Stopped(e.Message, e);
        }
        finally
        {
            run.Dispose();
        }

        run.Progress.Complete(checkpoint.Users);
        var seconds = time.GetElapsedTime(started).TotalSeconds;
        await WriteSummaryAsync(output, options, new ExportSummary("export", options.OldUserPoolId, paths.Final, checkpoint.Users, checkpoint.Pages, resumed, Math.Round(seconds, 3), run.Memberships?.Memberships), seconds);
        return ExitCodes.Success;
    }

    // DescribeUserPool: the pool must exist before anything is written; its estimate feeds the progress line.
    private static async Task<long?> EstimateUsersAsync(
        ExportOptions options, ICognitoIdentityProvider oldPool, CancellationToken cancellationToken)
    {
        try
        {
            var described = await oldPool.DescribeUserPoolAsync(new DescribeUserPoolRequest { UserPoolId = options.OldUserPoolId }, cancellationToken);
            return described.UserPool?.EstimatedNumberOfUsers;
        }
        catch (ResourceNotFoundException)
        {
            throw CliFailure.Usage(
                $"the old pool '{options.OldUserPoolId}' does not exist in this region (ResourceNotFoundException); check --old-pool-id and --old-region. Nothing was written.");
        }
        catch (AwsServiceException e)
        {
            throw new CliFailure($"cannot read the old pool '{options.OldUserPoolId}': {e.ErrorCode ?? "error"}: {e.Message} Nothing was written.", e);
        }
    }

    private static async Task WriteSummaryAsync(TextWriter output, ExportOptions options, ExportSummary summary, double seconds)
    {
        if (options.Format == OutputFormat.Json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(summary, ExportJsonContext.Default.ExportSummary));
        }
        else
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Exported {summary.Users:N0} users of {summary.UserPoolId} to {summary.File} ({summary.Pages:N0} pages, {seconds:0.0} s{(summary.Resumed ? ", resumed" : string.Empty)})."));
        }
    }

    internal static string Stopped(ExportCheckpoint? checkpoint, string why) => checkpoint is null
        ? $"stopped, {why}. Nothing was kept."
        : string.Create(
            CultureInfo.InvariantCulture,
            $"stopped after {checkpoint.Users:N0} users, {why}. The checkpoint of the last complete page is intact: run the same command again to resume.");

    private static ExportCheckpoint? ReadCheckpoint(string checkpointPath, string partialPath, ExportOptions options)
    {
        if (!File.Exists(checkpointPath))
        {
            return null;
        }

        ExportCheckpoint? checkpoint;
        try
        {
            checkpoint = JsonStateFile.Read(checkpointPath, ExportJsonContext.Default.ExportCheckpoint, "export checkpoint");
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{e.Message}; delete it and {partialPath} to start over.", e);
        }

        if (checkpoint is null || checkpoint.UserPoolId != options.OldUserPoolId)
        {
            throw new InvalidDataException(
                $"{checkpointPath} belongs to an export of '{checkpoint?.UserPoolId}', not '{options.OldUserPoolId}'; choose another --file or delete it.");
        }

        if (checkpoint.MfaDetails != options.MfaDetails)
        {
            throw new InvalidDataException(
                $"{checkpointPath} was started {(checkpoint.MfaDetails ? "with" : "without")} --mfa-details; resume with the same options or delete it and {partialPath}.");
        }

        if (checkpoint.Groups != options.Groups)
        {
            throw new InvalidDataException(
                $"{checkpointPath} was started {(checkpoint.Groups ? "with" : "without")} groups; resume with the same options ({(checkpoint.Groups ? "without" : "with")} --no-groups) or delete it and {partialPath}.");
        }

        if (!File.Exists(partialPath))
        {
            throw new InvalidDataException($"{checkpointPath} exists but {partialPath} does not; delete the checkpoint to start over.");
        }

        return checkpoint;
    }
}

/// <summary>The snapshot's final name and the two files that stand in for it while the export runs.</summary>
internal sealed record ExportPaths(string Final)
{
    public string Partial => Final + ".partial";

    public string Checkpoint => Final + ".checkpoint";
}

/// <summary>
/// One export's write phase, step by step: open (a new partial file with its header, or the resumed one), page
/// through the users (each page's lines on disk before the checkpoint says so), then complete the file.
/// </summary>
internal sealed class ExportRun(
    ExportOptions options, ICognitoIdentityProvider oldPool, IDurableFiles files, ExportPaths paths, TimeProvider time, ProgressMeter progress) : IDisposable
{
    private const int PageSize = 60;
    private const int MaxEmptyRepeats = 20;

    private readonly RequestPace _pagePace = new(options.PagesPerSecond, time);
    private readonly RequestPace _readPace = new(options.ReadsPerSecond, time);
    private IDurableAppender? _appender;
    private ExportCheckpoint? _checkpoint;

    public ProgressMeter Progress => progress;

    /// <summary>The old pool's memberships by user, once read; null with <c>--no-groups</c>.</summary>
    public MembershipIndex? Memberships { get; private set; }

    /// <summary>
    /// With groups: reads every membership of the old pool before the users (ListGroups, ListUsersInGroup per group), on
    /// the ListUsers pages' pace since both are UserList. On resume they are read again: kept nowhere but in memory.
    /// </summary>
    public async Task ReadMembershipsAsync(TextWriter messages, CancellationToken cancellationToken)
    {
        if (!options.Groups)
        {
            return;
        }

        Memberships = await MembershipIndex.ReadAsync(oldPool, options.OldUserPoolId, ct => _pagePace.WaitAsync(ct).AsTask(), time, cancellationToken);
        await messages.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"export: {Memberships.Memberships:N0} group memberships of {Memberships.Users:N0} users in {Memberships.Groups:N0} groups read; each user line carries its groups."));
    }

    /// <summary>Starts the partial file with its header and a first checkpoint, or reopens it where <paramref name="resumeFrom"/> says.</summary>
    public async Task<ExportCheckpoint> OpenAsync(ExportCheckpoint? resumeFrom, TextWriter messages)
    {
        if (resumeFrom is not null)
        {
            _checkpoint = resumeFrom;
            _appender = files.OpenAppender(paths.Partial, resumeFrom.Bytes);
            await messages.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"export: resuming after {resumeFrom.Users:N0} users ({resumeFrom.Pages:N0} pages) from {paths.Checkpoint}."));
            return resumeFrom;
        }

        _appender = files.OpenAppender(paths.Partial, 0);
        _appender.Append(SnapshotJson.ToLine(new SnapshotLine
        {
            Kind = SnapshotLine.HeaderKind,
            Format = SnapshotLine.CurrentFormat,
            UserPoolId = options.OldUserPoolId,
            Region = options.Region,
            StartedAt = time.GetUtcNow(),
            GroupsRecorded = options.Groups,
        }));
        return await SaveAsync(new ExportCheckpoint
        {
            UserPoolId = options.OldUserPoolId,
            Bytes = _appender.Length,
            MfaDetails = options.MfaDetails,
            Groups = options.Groups,
            StartedAt = time.GetUtcNow(),
        });
    }

    /// <summary>Reads ListUsers pages until the last, appending each page's lines and then checkpointing after it.</summary>
    public async Task<ExportCheckpoint> PageThroughUsersAsync(ExportCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var appender = _appender ?? throw new InvalidOperationException("OpenAsync first.");
        var emptyRepeats = 0;
        while (!checkpoint.ListingComplete)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await _pagePace.WaitAsync(cancellationToken);
            var page = await oldPool.ListUsersAsync(
                new ListUsersRequest { UserPoolId = options.OldUserPoolId, Limit = PageSize, PaginationToken = checkpoint.NextPageToken },
                cancellationToken);
            var (lines, users) = await PageLinesAsync(page.Users ?? [], cancellationToken);
            var next = string.IsNullOrEmpty(page.PaginationToken) ? null : page.PaginationToken;

            // An empty page may hand back the token it was given; asking again is right a few times, not forever.
            emptyRepeats = next is not null && next == checkpoint.NextPageToken ? emptyRepeats + 1 : 0;
            if (emptyRepeats > 0 && (users > 0 || emptyRepeats > MaxEmptyRepeats))
            {
                throw new InvalidOperationException("ListUsers keeps answering with the PaginationToken it was given; stopping instead of reading the same page forever.");
            }

            // The page's lines are on disk before the checkpoint says so: a kill in between re-reads this page.
            appender.Append(lines.GetBuffer().AsSpan(0, (int)lines.Length));
            checkpoint = await SaveAsync(checkpoint with
            {
                NextPageToken = next,
                ListingComplete = next is null,
                Pages = checkpoint.Pages + 1,
                Users = checkpoint.Users + users,
                Bytes = appender.Length,
            });
            progress.Report(checkpoint.Users);
        }

        return checkpoint;
    }

    /// <summary>Appends the summary line, closes the file and gives it its final name; the checkpoint goes.</summary>
    public void Complete(ExportCheckpoint checkpoint)
    {
        var appender = _appender ?? throw new InvalidOperationException("OpenAsync first.");
        appender.Append(SnapshotJson.ToLine(new SnapshotLine
        {
            Kind = SnapshotLine.SummaryKind,
            UserPoolId = options.OldUserPoolId,
            Users = checkpoint.Users,
            CompletedAt = time.GetUtcNow(),
        }));
        appender.Dispose();
        _appender = null;
        File.Move(paths.Partial, paths.Final, overwrite: options.Overwrite);
        File.Delete(paths.Checkpoint);
    }

    /// <summary>The failure that says where the export stopped and that the last checkpoint is intact.</summary>
    public CliFailure Stopped(string why, Exception? cause = null)
    {
        progress.BreakLine();
        var message = ExportRunner.Stopped(_checkpoint, why);
        return cause is null ? new CliFailure(message) : new CliFailure(message, cause);
    }

    public void Dispose()
    {
        _appender?.Dispose();
        _pagePace.Dispose();
        _readPace.Dispose();
    }

    // One page's user lines, with the AdminGetUser MFA details when asked for.
    private async Task<(MemoryStream Lines, int Users)> PageLinesAsync(IReadOnlyList<UserType> page, CancellationToken cancellationToken)
    {
        var lines = new MemoryStream();
        var users = 0;
        foreach (var user in page)
        {
            AdminGetUserResponse? details = null;
            if (options.MfaDetails && user.Username is not null)
            {
                await _readPace.WaitAsync(cancellationToken);
                details = await oldPool.AdminGetUserAsync(
                    new AdminGetUserRequest { UserPoolId = options.OldUserPoolId, Username = user.Username }, cancellationToken);
            }

            lines.Write(SnapshotJson.ToLine(SnapshotJson.FromUser(user, details, user.Username is null ? null : Memberships?.For(user.Username))));
            users++;
        }

        return (lines, users);
    }

    private async Task<ExportCheckpoint> SaveAsync(ExportCheckpoint checkpoint)
    {
        await files.ReplaceAsync(paths.Checkpoint, JsonSerializer.SerializeToUtf8Bytes(checkpoint, ExportJsonContext.Default.ExportCheckpoint));
        _checkpoint = checkpoint;
        return checkpoint;
    }
}
