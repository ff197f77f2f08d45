using System.Globalization;
using System.Text.Json;
using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Cli.Exits;
using Trigger.Cli.Options;
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
    private const int PageSize = 60;
    private const int MaxEmptyRepeats = 20;

    /// <summary>
    /// Exports <see cref="ExportOptions.OldUserPoolId"/> to <see cref="ExportOptions.OutputPath"/>. While running,
    /// lines go to <c>&lt;file&gt;.partial</c> and the position to <c>&lt;file&gt;.checkpoint</c>; the same call after an
    /// interruption resumes after the last complete page. At the end a summary line is appended, the file is
    /// renamed to its final name and the checkpoint removed.
    /// </summary>
    /// <param name="options">What to export.</param>
    /// <param name="oldPool">A client for the old pool's region.</param>
    /// <param name="output">Receives the final report (text or JSON).</param>
    /// <param name="messages">Receives progress and warnings.</param>
    /// <param name="time">The clock for pacing and timings.</param>
    /// <param name="cancellationToken">Stops after the current page; the checkpoint stays for a resume.</param>
    /// <returns>0 when exported.</returns>
    /// <exception cref="CliFailure">Exit code 1 when stopped by an error or interrupted (run again to resume), 2 for bad options or an unknown pool.</exception>
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

        var path = Path.GetFullPath(options.OutputPath);
        var partialPath = path + ".partial";
        var checkpointPath = path + ".checkpoint";
        if (File.Exists(path) && !options.Overwrite)
        {
            throw CliFailure.Usage($"{path} already exists; pass --overwrite to replace it, or choose another --file.");
        }

        ExportCheckpoint? checkpoint;
        try
        {
            checkpoint = ReadCheckpoint(checkpointPath, partialPath, options);
        }
        catch (InvalidDataException e)
        {
            throw CliFailure.Usage(e.Message);
        }

        long? estimated;
        try
        {
            var described = await oldPool.DescribeUserPoolAsync(new DescribeUserPoolRequest { UserPoolId = options.OldUserPoolId }, cancellationToken);
            estimated = described.UserPool?.EstimatedNumberOfUsers;
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

        var resumed = checkpoint is not null;
        var started = time.GetTimestamp();
        using var pagePace = new RequestPace(options.PagesPerSecond, time);
        using var readPace = new RequestPace(options.ReadsPerSecond, time);
        var progress = new ProgressMeter(messages, time, "users", estimated, options.InteractiveProgress, options.ProgressInterval);
        IDurableAppender? appender = null;
        try
        {
            if (checkpoint is null)
            {
                appender = files.OpenAppender(partialPath, 0);
                appender.Append(SnapshotJson.ToLine(new SnapshotLine
                {
                    Kind = SnapshotLine.HeaderKind,
                    Format = SnapshotLine.CurrentFormat,
                    UserPoolId = options.OldUserPoolId,
                    Region = options.Region,
                    StartedAt = time.GetUtcNow(),
                }));
                checkpoint = new ExportCheckpoint
                {
                    UserPoolId = options.OldUserPoolId,
                    Bytes = appender.Length,
                    MfaDetails = options.MfaDetails,
                    StartedAt = time.GetUtcNow(),
                };
                await files.ReplaceAsync(checkpointPath, JsonSerializer.SerializeToUtf8Bytes(checkpoint, ExportJsonContext.Default.ExportCheckpoint));
            }
            else
            {
                appender = files.OpenAppender(partialPath, checkpoint.Bytes);
                await messages.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"export: resuming after {checkpoint.Users:N0} users ({checkpoint.Pages:N0} pages) from {checkpointPath}."));
            }

            var emptyRepeats = 0;
            while (!checkpoint.ListingComplete)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await pagePace.WaitAsync(cancellationToken);
                var page = await oldPool.ListUsersAsync(
                    new ListUsersRequest { UserPoolId = options.OldUserPoolId, Limit = PageSize, PaginationToken = checkpoint.NextPageToken },
                    cancellationToken);
                var lines = new MemoryStream();
                var users = 0;
                foreach (var user in page.Users ?? [])
                {
                    AdminGetUserResponse? details = null;
                    if (options.MfaDetails && user.Username is not null)
                    {
                        await readPace.WaitAsync(cancellationToken);
                        details = await oldPool.AdminGetUserAsync(
                            new AdminGetUserRequest { UserPoolId = options.OldUserPoolId, Username = user.Username }, cancellationToken);
                    }

                    lines.Write(SnapshotJson.ToLine(SnapshotJson.FromUser(user, details)));
                    users++;
                }

                var next = string.IsNullOrEmpty(page.PaginationToken) ? null : page.PaginationToken;

                // An empty page may hand back the token it was given; asking again is right a few times, not forever.
                emptyRepeats = next is not null && next == checkpoint.NextPageToken ? emptyRepeats + 1 : 0;
                if (emptyRepeats > 0 && (users > 0 || emptyRepeats > MaxEmptyRepeats))
                {
                    throw new InvalidOperationException("ListUsers keeps answering with the PaginationToken it was given; stopping instead of reading the same page forever.");
                }

                // The page's lines are on disk before the checkpoint says so: a kill in between re-reads this page.
                appender.Append(lines.GetBuffer().AsSpan(0, (int)lines.Length));
                checkpoint = checkpoint with
                {
                    NextPageToken = next,
                    ListingComplete = next is null,
                    Pages = checkpoint.Pages + 1,
                    Users = checkpoint.Users + users,
                    Bytes = appender.Length,
                };
                await files.ReplaceAsync(checkpointPath, JsonSerializer.SerializeToUtf8Bytes(checkpoint, ExportJsonContext.Default.ExportCheckpoint));
                progress.Report(checkpoint.Users);
            }

            appender.Append(SnapshotJson.ToLine(new SnapshotLine
            {
                Kind = SnapshotLine.SummaryKind,
                UserPoolId = options.OldUserPoolId,
                Users = checkpoint.Users,
                CompletedAt = time.GetUtcNow(),
            }));
            appender.Dispose();
            appender = null;
            File.Move(partialPath, path, overwrite: options.Overwrite);
            File.Delete(checkpointPath);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            progress.BreakLine();
            throw new CliFailure(Stopped(checkpoint, "interrupted"));
        }
        catch (AwsServiceException e)
        {
            progress.BreakLine();
            throw new CliFailure(Stopped(checkpoint, $"the old pool answered {e.ErrorCode ?? "an error"} after the retries: {e.Message}"), e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            progress.BreakLine();
            throw new CliFailure(Stopped(checkpoint, $"cannot write next to {path}: {e.Message}"), e);
        }
        finally
        {
            appender?.Dispose();
        }

        progress.Complete(checkpoint.Users);
        var seconds = time.GetElapsedTime(started).TotalSeconds;
        var summary = new ExportSummary("export", options.OldUserPoolId, path, checkpoint.Users, checkpoint.Pages, resumed, Math.Round(seconds, 3));
        if (options.Format == OutputFormat.Json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(summary, ExportJsonContext.Default.ExportSummary));
        }
        else
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Exported {summary.Users:N0} users of {summary.UserPoolId} to {summary.File} ({summary.Pages:N0} pages, {seconds:0.0} s{(resumed ? ", resumed" : string.Empty)})."));
        }

        return ExitCodes.Success;
    }

    private static string Stopped(ExportCheckpoint? checkpoint, string why) => checkpoint is null
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

        if (!File.Exists(partialPath))
        {
            throw new InvalidDataException($"{checkpointPath} exists but {partialPath} does not; delete the checkpoint to start over.");
        }

        return checkpoint;
    }
}
