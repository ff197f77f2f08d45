using System.Globalization;
using System.Text.Json;
using Trigger.Cli.Options;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>Prints the sweep's report for a person or a script.</summary>
internal static class SweepReportWriter
{
    public static async Task WriteAsync(TextWriter output, SweepReport report, OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(report, SweepJson.Indented.SweepReport));
            return;
        }

        var state = report.Complete ? "complete" : $"stopped ({report.StoppedBecause})";
        await output.WriteLineAsync(
            $"Sweep {(report.DryRun ? "dry run " : string.Empty)}of {report.Source} into {report.NewUserPoolId} ({report.Strategy}): {state}.");
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"  {report.Total:N0} users settled in {report.Seconds:0.0} s ({report.UsersPerSecond:0.0}/s this run)"));
        foreach (var (outcome, count) in report.Counts)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {outcome,-22}{count,12:N0}"));
        }

        foreach (var reason in report.Reasons)
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"  {reason.Outcome}: {reason.Reason} x{reason.Count:N0} (e.g. {string.Join(", ", reason.Examples)}){(reason.Detail is null ? string.Empty : ": " + reason.Detail)}"));
        }

        if (report.Memberships is { } m)
        {
            var missing = m.GroupsMissing.Count == 0
                ? string.Empty
                : " (" + string.Join(", ", m.GroupsMissing.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} x{g.Value:N0}"))) + ")";
            await output.WriteLineAsync(m.NotCarried is not null
                ? $"  group memberships: none carried: {m.NotCarried}"
                : string.Create(
                    CultureInfo.InvariantCulture,
                    $"  group memberships: {m.Added:N0} added, {m.AlreadyPresent:N0} already present, {m.Failed:N0} failed, {m.GroupsMissing.Count} group(s) missing in the new pool{missing}"));
        }

        foreach (var part in report.ImportFiles ?? [])
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"  import file {part.File}: {part.Rows:N0} rows{(part.JobId is null ? string.Empty : $", job {part.JobId} {part.JobStatus}: imported {part.Imported:N0}, skipped {part.Skipped:N0}, failed {part.Failed:N0}{(part.CompletionMessage is null ? string.Empty : " (" + part.CompletionMessage + ")")}")}"));
        }

        if (report.IdMapFile is not null)
        {
            await output.WriteLineAsync($"  id map (old username, old sub, new username, new sub): {report.IdMapFile}");
        }

        if (report.PlanFile is not null)
        {
            await output.WriteLineAsync($"  plan, one line per user: {report.PlanFile}");
        }

        if (report.JournalFile is not null)
        {
            await output.WriteLineAsync($"  journal, one line per user: {report.JournalFile}");
        }

        if (!report.Complete)
        {
            await output.WriteLineAsync("  Run the same command again to resume where it stopped.");
        }
    }
}
