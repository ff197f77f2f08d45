using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Cli.Exits;
using Trigger.Migration.Attributes;
using Trigger.Migration.Decisions;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>The CSV strategy: import files, then optionally the import jobs.</summary>
internal sealed partial class PreparedSweep
{
    public async Task<int> CsvAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Workspace.Directory);
        IReadOnlyList<string> header;
        try
        {
            header = (await newPool.GetCSVHeaderAsync(new GetCSVHeaderRequest { UserPoolId = options.NewUserPoolId }, cancellationToken)).CSVHeader ?? [];
        }
        catch (AwsServiceException e)
        {
            throw new CliFailure($"GetCSVHeader failed on the new pool: {SweepErrors.Reason(e)}: {e.Message} Nothing was written.", e);
        }

        if (!header.Contains(CsvImportRow.UsernameColumn) || !header.Contains(CsvImportRow.MfaColumn))
        {
            throw new CliFailure($"GetCSVHeader's columns lack {CsvImportRow.UsernameColumn} or {CsvImportRow.MfaColumn}; nothing was written.");
        }

        var checkpoint = setup.Checkpoint ?? NewCheckpoint();
        JournalReplay replay;
        try
        {
            replay = await JournalReplay.ReadAsync(Workspace.JournalPath, long.MaxValue, checkpoint.JournalBytes, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw CliFailure.Usage(e.Message);
        }

        Exception? fault = null;
        var checkpointer = new SweepCheckpointer(seams.Files, Workspace, checkpoint, new SettledWatermark(checkpoint.Resume), time, seams.CheckpointEverySettled, seams.CheckpointInterval);
        try
        {
            if (setup.Checkpoint is null)
            {
                await checkpointer.WriteAsync(checkpoint);
            }

            if (!checkpoint.ListingComplete)
            {
                checkpoint = await WriteImportFilesAsync(checkpoint, header, replay, checkpointer, cancellationToken);
            }

            if (options.RunImport)
            {
                var jobs = new ImportJobFlow(newPool, options.NewUserPoolId, options.CloudWatchLogsRoleArn!, seams.UploadClient, time, options.ImportPollInterval, messages);
                checkpoint = await jobs.RunAsync(checkpoint, checkpointer.WriteAsync, cancellationToken);
            }
        }
        catch (Exception e) when (e is AwsServiceException or IOException or UnauthorizedAccessException or HttpRequestException or InvalidOperationException or InvalidDataException
            || (e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // Files completed and job steps taken are checkpointed; a rerun goes on from there.
            fault = e;
        }

        var report = Report(replay.Tally, fault) with
        {
            JournalFile = Workspace.JournalPath,
            ImportFiles = checkpointer.Last.Parts,
            Memberships = replay.Tally.Memberships(setup.GroupsNotCarried),
        };
        var code = await FinishAsync(report, replay.Tally, fault);
        return code == ExitCodes.Success && checkpointer.Last.Parts.Any(p => p.JobStatus is not null and not "Succeeded" || p.Failed > 0) ? ExitCodes.Failure : code;
    }

    private async Task<SweepCheckpoint> WriteImportFilesAsync(
        SweepCheckpoint checkpoint, IReadOnlyList<string> header, JournalReplay replay, SweepCheckpointer checkpointer, CancellationToken cancellationToken)
    {
        // Whatever the killed run wrote after its last complete file is redone from the checkpoint.
        ImportFileWriter.DiscardPartials(Workspace.ImportDirectory);
        var triage = new StragglerTriage(new AttributeMapper(setup.Mapping), setup.Schema, options.AllowDroppedAttributes);
        var progress = Progress(replay.Tally.Total);
        var parts = new List<ImportPart>(checkpoint.Parts);
        await using var journal = new SweepJournal(seams.Files.OpenAppender(Workspace.JournalPath, checkpoint.JournalBytes));
        using var writer = new ImportFileWriter(Workspace.ImportDirectory, header, parts.Count + 1, seams.ImportFileMaxRows);
        var next = checkpoint.Resume;
        await foreach (var candidate in _source.ReadAsync(checkpoint.Resume, cancellationToken))
        {
            var entry = Outcome(candidate, triage.Judge(candidate.User), out var verdict);
            if (verdict.IsEligible)
            {
                var (row, reason, detail) = CsvImportRow.Build(header, candidate.User.Username, verdict.Attributes, MfaEnabled(candidate));
                if (row is null)
                {
                    entry = entry with { Outcome = StragglerOutcomes.Unmappable, Reason = reason, Detail = detail };
                }
                else
                {
                    if (writer.WouldOverflow(ImportFileWriter.ByteCount(row)))
                    {
                        parts.Add(writer.Complete()!);
                        await journal.FlushAsync();
                        checkpoint = checkpoint with { Parts = [.. parts], Resume = candidate.At, JournalBytes = journal.Length };
                        await checkpointer.WriteAsync(checkpoint);
                    }

                    writer.Write(row);
                    entry = entry with { Outcome = StragglerOutcomes.Queued, Part = writer.Number };
                }
            }

            journal.Post(entry);
            replay.Tally.Add(entry);
            progress.Report(replay.Tally.Total);
            next = candidate.After;
        }

        if (writer.Complete() is { } last)
        {
            parts.Add(last);
        }

        await journal.FlushAsync();
        checkpoint = checkpoint with { Parts = [.. parts], Resume = next, JournalBytes = journal.Length, ListingComplete = true };
        await checkpointer.WriteAsync(checkpoint);
        progress.Complete(replay.Tally.Total);
        return checkpoint;
    }

    private static JournalEntry Outcome(StragglerCandidate candidate, TriageVerdict verdict, out TriageVerdict judged)
    {
        judged = verdict;
        return new JournalEntry
        {
            E = JournalEntry.OutcomeKind,
            Seq = candidate.Sequence,
            User = candidate.User.Username,
            Outcome = verdict.Outcome,
            Reason = verdict.Reason ?? (verdict.Dropped.Count > 0 ? StragglerTriage.DroppedAttributes : null),
            Detail = verdict.Detail ?? (verdict.Dropped.Count > 0 ? $"dropped (not in the new schema): {string.Join(", ", verdict.Dropped)}" : null),
            OldSub = candidate.User.Attribute("sub"),
        };
    }

    // An import row can switch SMS MFA on: required when the pool demands MFA, carried over when it is optional.
    private bool MfaEnabled(StragglerCandidate candidate) => setup.Schema.MfaConfiguration switch
    {
        "ON" => true,
        "OPTIONAL" => MigrationRules.CarriesSmsMfa(candidate.User),
        _ => false,
    };
}
