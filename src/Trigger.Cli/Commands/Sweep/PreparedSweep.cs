using System.Text;
using System.Text.Json;
using Trigger.Aws.Cognito;
using Trigger.Cli.Exits;
using Trigger.Cli.Options;
using Trigger.Cli.Files;
using Trigger.Migration.Attributes;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// The write phase of one sweep, built by <see cref="SweepRunner"/> once it has prepared (<see cref="SweepSetup"/>) and
/// confirmed the run: the admin strategy, the dry run, the CSV strategy.
/// </summary>
internal sealed partial class PreparedSweep(
    SweepOptions options,
    SweepSetup setup,
    ICognitoIdentityProvider newPool,
    SweepPaces paces,
    TextWriter output,
    TextWriter messages,
    TimeProvider time,
    SweepSeams seams)
{
    private readonly long _started = time.GetTimestamp();
    private readonly IStragglerSource _source = setup.SourceFor(paces.List);

    private SweepWorkspace Workspace => setup.Workspace;

    public async Task<int> AdminAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Workspace.Directory);
        var checkpoint = setup.Checkpoint ?? NewCheckpoint();
        var resume = checkpoint.Resume;
        JournalReplay replay;
        try
        {
            replay = await JournalReplay.ReadAsync(Workspace.JournalPath, resume.Sequence, limit: null, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw CliFailure.Usage($"{e.Message} Nothing was sent.");
        }

        if (setup.Checkpoint is not null)
        {
            await messages.WriteLineAsync(
                $"sweep: resuming in {Workspace.Directory}: {replay.Tally.Total:N0} users already settled, {replay.InDoubt.Count} creation(s) to check.");
        }

        var progress = Progress(replay.Tally.Total);
        var watermark = new SettledWatermark(resume);
        var checkpointer = new SweepCheckpointer(seams.Files, Workspace, checkpoint, watermark, time, seams.CheckpointEverySettled, seams.CheckpointInterval);
        SweepJournal journal;
        try
        {
            if (setup.Checkpoint is null)
            {
                await checkpointer.WriteAsync(checkpoint);
            }

            journal = new SweepJournal(seams.Files.OpenAppender(Workspace.JournalPath, replay.ValidLength));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure($"cannot write in {Workspace.Directory}: {e.Message} Nothing was sent.", e);
        }

        Exception? fault;
        await using (journal)
        {
            // --restart carried the set-aside run's creations in doubt into this journal (SweepWorkspace.Archive):
            // the replay has them in InDoubt, so they get their password step even if this run dies first.
            var creator = new AdminStragglerCreator(
                newPool,
                options.NewUserPoolId,
                new StragglerTriage(new AttributeMapper(setup.Mapping), setup.Schema, options.AllowDroppedAttributes),
                paces,
                Identity(),
                setup.RereadFor(paces.Read),
                options.Notify,
                dryRun: false,
                replay.InDoubt,
                options.SweepKey,
                time,
                setup.NewPoolGroups is { } groups ? new SweepMemberships(newPool, options.NewUserPoolId, groups, paces) : null);
            var pipeline = new SweepPipeline(
                options.Concurrency,
                watermark,
                replay.Tally,
                replay.Settled,
                (candidate, token) => creator.SettleAsync(candidate, journal.AppendAsync, token),
                journal.AppendAsync,
                async () =>
                {
                    progress.Report(replay.Tally.Total);
                    await checkpointer.SettledAsync();
                });
            fault = await pipeline.RunAsync(_source.ReadAsync(resume, cancellationToken), cancellationToken);
        }

        progress.Complete(replay.Tally.Total);
        string? idMap = null;
        try
        {
            await checkpointer.WriteAsync(checkpointer.Last with { Resume = watermark.Position, ListingComplete = fault is null });
            if (fault is null)
            {
                await IdMapFile.WriteAsync(seams.Files, Workspace.JournalPath, Workspace.IdMapPath, CancellationToken.None);
                idMap = Workspace.IdMapPath;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The previous checkpoint is intact; the fault (if any) is what the operator needs to hear about.
            fault ??= e;
        }

        var report = Report(replay.Tally, fault) with
        {
            JournalFile = Workspace.JournalPath,
            IdMapFile = idMap,
            Memberships = replay.Tally.Memberships(setup.GroupsNotCarried),
        };
        return await FinishAsync(report, replay.Tally, fault);
    }

    public async Task<int> DryRunAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Workspace.Directory);
        var tally = new SweepTally();
        var progress = Progress(0);
        var planPartial = Workspace.PlanPath + ".partial";
        Exception? fault;
        await using (var plan = new StreamWriter(planPartial, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            plan.NewLine = "\n";
            var gate = new SemaphoreSlim(1, 1);
            var creator = new AdminStragglerCreator(
                newPool,
                options.NewUserPoolId,
                new StragglerTriage(new AttributeMapper(setup.Mapping), setup.Schema, options.AllowDroppedAttributes),
                paces,
                Identity(),
                setup.RereadFor(paces.Read),
                notify: false,
                dryRun: true,
                new Dictionary<string, DateTimeOffset?>(),
                sweepKey: null,
                time);
            var pipeline = new SweepPipeline(
                options.Concurrency,
                new SettledWatermark(SourcePosition.Start),
                tally,
                new HashSet<string>(),
                (candidate, token) => creator.SettleAsync(candidate, _ => Task.CompletedTask, token),
                async outcome =>
                {
                    await gate.WaitAsync();
                    try
                    {
                        await plan.WriteLineAsync(JsonSerializer.Serialize(outcome, SweepJson.Context.JournalEntry));
                        if (options.Format == OutputFormat.Text)
                        {
                            progress.BreakLine();
                            await output.WriteLineAsync(PlanLine(outcome));
                        }
                    }
                    finally
                    {
                        gate.Release();
                    }
                },
                () =>
                {
                    progress.Report(tally.Total);
                    return Task.CompletedTask;
                });
            fault = await pipeline.RunAsync(_source.ReadAsync(SourcePosition.Start, cancellationToken), cancellationToken);
        }

        progress.Complete(tally.Total);
        File.Move(planPartial, Workspace.PlanPath, overwrite: true);
        var report = Report(tally, fault) with { PlanFile = Workspace.PlanPath };
        return await FinishAsync(report, tally, fault);
    }

    private IdentityProof Identity() => new(setup.Mapping.LegacySubAttribute, setup.Schema.Names, legacySubProves: setup.LegacySubWriters.Count == 0);

    private static string PlanLine(JournalEntry outcome) => outcome.Outcome switch
    {
        StragglerOutcomes.WouldCreate => $"would create {outcome.User}{(outcome.Detail is null ? string.Empty : " (" + outcome.Detail + ")")}",
        StragglerOutcomes.AlreadyInNewPool => $"already in the new pool: {outcome.User}",
        _ => $"would skip {outcome.User}: {outcome.Outcome} {outcome.Reason}{(outcome.Detail is null ? string.Empty : " (" + outcome.Detail + ")")}",
    };

    private SweepCheckpoint NewCheckpoint() => new()
    {
        Source = setup.SourceIdentity,
        SnapshotBytes = setup.SnapshotBytes,
        NewUserPoolId = options.NewUserPoolId,
        Strategy = setup.Strategy,
        Notify = options.Notify,
        Resume = SourcePosition.Start,
        StartedAt = time.GetUtcNow(),
        UpdatedAt = time.GetUtcNow(),
    };

    private ProgressMeter Progress(long alreadySettled)
    {
        var meter = new ProgressMeter(messages, time, "users", _source.ExpectedUsers, options.InteractiveProgress, options.ProgressInterval);
        meter.Report(alreadySettled);
        return meter;
    }

    private SweepReport Report(SweepTally tally, Exception? fault)
    {
        var seconds = time.GetElapsedTime(_started).TotalSeconds;
        return new SweepReport
        {
            Strategy = setup.Strategy,
            DryRun = options.DryRun,
            Notify = options.Notify,
            Source = setup.SourceIdentity,
            NewUserPoolId = options.NewUserPoolId,
            Complete = fault is null,
            StoppedBecause = fault is null ? null : Why(fault),
            Total = tally.Total,
            Counts = tally.Counts(),
            Reasons = tally.Reasons(),
            WorkDirectory = Workspace.Directory,
            Seconds = Math.Round(seconds, 3),
            UsersPerSecond = seconds > 0 ? Math.Round(tally.Total / seconds, 1) : 0,
        };
    }

    private async Task<int> FinishAsync(SweepReport report, SweepTally tally, Exception? fault)
    {
        if (fault is not null)
        {
            await messages.WriteLineAsync($"sweep: stopped: {report.StoppedBecause}. Everything settled so far is recorded; run the same command again to resume.");
        }

        if (!options.DryRun)
        {
            try
            {
                await seams.Files.ReplaceAsync(Workspace.ReportPath, JsonSerializer.SerializeToUtf8Bytes(report, SweepJson.Indented.SweepReport));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await messages.WriteLineAsync($"sweep: cannot write {Workspace.ReportPath}: {e.Message}");
            }
        }

        await SweepReportWriter.WriteAsync(output, report, options.Format);
        return fault is not null || tally.HasFindings() ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static string Why(Exception fault) => fault switch
    {
        OperationCanceledException => "interrupted",
        IOException io => $"cannot write the sweep's state ({io.Message}); the last checkpoint is intact",
        Trigger.Aws.AwsServiceException aws => $"the pool answered {SweepErrors.Reason(aws)} after the retries: {aws.Message}",
        HttpRequestException http => $"network error: {http.Message}",
        InvalidDataException data => data.Message,
        _ => $"{fault.GetType().Name}: {fault.Message}",
    };
}
