using System.Globalization;
using System.Text.Json;
using Trigger.Cli.Options;
using Trigger.Cli.Commands.Sweep;

namespace Trigger.Cli.Commands.Sync;

/// <summary>A sync pass's report: printed (JSON with <c>--output json</c>) and kept as report.json.</summary>
internal sealed record SyncReport
{
    public string Command { get; init; } = "sync";

    public bool DryRun { get; init; }

    public required string PrimaryUserPoolId { get; init; }

    public required string StandbyUserPoolId { get; init; }

    /// <summary>True when the pass reached its end (listing and missing users); false when it stopped.</summary>
    public bool Complete { get; init; }

    public string? StoppedBecause { get; init; }

    /// <summary>Primary users compared in this pass (resumed runs included).</summary>
    public long PrimaryUsers { get; init; }

    public long StandbyUsers { get; init; }

    /// <summary>Primary users the standby already had as they are.</summary>
    public long Unchanged { get; init; }

    /// <summary>Changes and findings by kind (created, updated, enabled, disabled, disabled-missing, deleted, skipped, failed, ...).</summary>
    public required SortedDictionary<string, long> Counts { get; init; }

    public required List<ReasonCount> Reasons { get; init; }

    /// <summary>The group phase's findings besides its changes (counted in <see cref="Counts"/>); null when the pass stopped before it.</summary>
    public SyncGroupsSummary? Groups { get; init; }

    public string? WorkDirectory { get; init; }

    public double Seconds { get; init; }

    /// <summary>Primary ListUsers pages per second in this run.</summary>
    public double PagesPerSecond { get; init; }

    /// <summary>Standby writes (UserUpdate: attribute updates, enables, disables, deletions) per second in this run.</summary>
    public double UpdatesPerSecond { get; init; }

    /// <summary>Writes the report as text or JSON.</summary>
    public async Task WriteAsync(TextWriter output, OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(this, SweepJson.Indented.SyncReport));
            return;
        }

        var state = Complete ? "complete" : $"stopped ({StoppedBecause})";
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"sync {PrimaryUserPoolId} -> {StandbyUserPoolId}{(DryRun ? " (dry run: nothing written)" : string.Empty)}: {state}; {PrimaryUsers:N0} primary users, {StandbyUsers:N0} standby users, {Unchanged:N0} unchanged."));
        foreach (var (kind, count) in Counts)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {kind,-24} {count,10:N0}"));
        }

        if (Groups is { } groups)
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"  groups: {groups.PrimaryGroups:N0} in the primary; {groups.MembersNotInStandby:N0} memberships of users the standby does not hold as the primary's (not added), {groups.MembershipsLeftAlone:N0} of standby users sync does not manage (kept)."));
            if (groups.StandbyOnly.Count > 0)
            {
                await output.WriteLineAsync($"  groups only the standby has (left alone): {string.Join(", ", groups.StandbyOnly)}");
            }

            foreach (var differing in groups.Differing)
            {
                await output.WriteLineAsync($"  group differs in the standby (left as it is): {differing}");
            }
        }

        foreach (var reason in Reasons.Where(r => r.Outcome is Sweep.StragglerOutcomes.Failed or Sweep.StragglerOutcomes.Unmappable or Sweep.StragglerOutcomes.Skipped))
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"  {reason.Outcome} {reason.Reason}: {reason.Count:N0} (e.g. {string.Join(", ", reason.Examples)}){(reason.Detail is null ? string.Empty : ": " + reason.Detail)}"));
        }
    }
}
