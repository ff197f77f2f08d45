using System.Globalization;
using Trigger.Cli.Commands.Sweep;
using Trigger.Cli.Commands.Sync;

namespace Trigger.Cli.Commands.Plan;

/// <summary>What <c>plan --sync-state</c> knows of a disaster-recovery pair's sync, read before the checks run.</summary>
/// <param name="WorkDirectory">The sync work directory named by <c>--sync-state</c>.</param>
/// <param name="LastPass">Its last complete pass (<c>last-sync.json</c>); null when none finished there.</param>
/// <param name="Now">The time the plan runs (the checks themselves read no clock).</param>
/// <param name="MaxAge">How old the last complete pass may be (<c>--max-sync-age</c>).</param>
internal sealed record DisasterRecoveryState(string WorkDirectory, SyncFreshness? LastPass, DateTimeOffset Now, TimeSpan MaxAge);

/// <summary>
/// Whether a standby (the new pool) is ready to take over from the primary (the old pool): its schema and app
/// clients are the other checks' business (old against new, as for any migration); here, whether it is current
/// and can still take passwords over. Group memberships: once groups move, a check that the standby has every
/// group of the primary belongs here.
/// </summary>
internal static class DisasterRecoveryChecks
{
    private const string Area = "disaster-recovery";

    public static IEnumerable<Finding> Run(PlanInput input)
    {
        if (input.DisasterRecovery is not { } state)
        {
            yield break;
        }

        var oldId = input.OldPool.Id;
        var newId = input.NewPool.Id;
        if (state.LastPass is not { } last)
        {
            yield return new Finding(
                "dr-never-synced",
                Severity.Blocking,
                Area,
                $"No complete sync pass is recorded in {state.WorkDirectory}: the standby may lack users, attributes and states of the primary.",
                "Run cognito-migrate sync --old-pool-id <primary> --new-pool-id <standby> --work-dir <that directory> to the end, and on a schedule.");
            yield break;
        }

        if ((oldId is not null && last.PrimaryUserPoolId != oldId) || (newId is not null && last.StandbyUserPoolId != newId))
        {
            yield return new Finding(
                "dr-sync-other-pools",
                Severity.Blocking,
                Area,
                $"{state.WorkDirectory} syncs {last.PrimaryUserPoolId} into {last.StandbyUserPoolId}, not {oldId} into {newId}.",
                "Give --sync-state the work directory of this pair's sync.");
            yield break;
        }

        var age = state.Now - last.CompletedAt;
        if (age > state.MaxAge)
        {
            yield return new Finding(
                "dr-sync-stale",
                Severity.Blocking,
                Area,
                string.Create(CultureInfo.InvariantCulture, $"The last complete sync pass ended {last.CompletedAt:u}, {age.TotalHours:0.#} hours ago (more than {state.MaxAge.TotalHours:0.#}): changes since are not in the standby."),
                "Check the scheduled sync (its alarm, its log) and run it; raise --max-sync-age only if the schedule is meant to be that slow.");
        }

        var findings = last.Counts.Where(c => StragglerOutcomes.IsFinding(c.Key) && c.Value > 0).Sum(c => c.Value);
        if (findings > 0)
        {
            yield return new Finding(
                "dr-sync-findings",
                Severity.Warning,
                Area,
                string.Create(CultureInfo.InvariantCulture, $"The last sync pass left {findings} user(s) failed or unmappable: they are missing from the standby or out of date there."),
                $"Read {Path.Combine(state.WorkDirectory, "report.json")} (reasons and examples) and fix them before a failover.");
        }

        if (input.NewPool.LambdaConfig?.UserMigration is null)
        {
            yield return new Finding(
                "dr-no-password-carry-over",
                Severity.Warning,
                Area,
                "The standby has no UserMigration trigger: no password can be carried to it, so after a failover every user must reset theirs.",
                "Deploy the DR entry (or enable the trigger on the standby) and carry passwords from the apps (docs/INFRA.md, \"Carrying passwords ahead of a failover\").");
        }
    }
}
