using System.CommandLine;
using Trigger.Cli.Clients;
using Trigger.Cli.Hosting;
using Trigger.Cli.Options;
using Trigger.Cli.Output;
using Trigger.Cli.Commands.Groups;
using Trigger.Cli.Commands.Sweep;
using Trigger.Contract;

namespace Trigger.Cli.Commands.Sync;

/// <summary><c>sync</c>: keep a disaster-recovery standby pool level with the live primary, one paced, resumable pass at a time.</summary>
internal static class SyncCommand
{
    private const string Description =
        "Bring a standby pool (--new-pool-id, e.g. in another region) level with the live primary (--old-pool-id): create missing users, "
        + "update changed attributes, mirror enabled/disabled and group memberships (creating missing groups), disable (or delete) users the primary no longer has. Paced and resumable; "
        + "never touches a password the standby already holds.";

    public static Command Create(CommonOptions options, CliHost host)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Show every change and write nothing." };
        var deleteMissing = new Option<bool>("--delete-missing")
        {
            Description = "Delete standby users the primary no longer has (default: disable them). Asks for confirmation unless --yes.",
        };
        var yes = new Option<bool>("--yes") { Description = "Confirm --delete-missing without the question." };
        var workDir = new Option<string>("--work-dir")
        {
            Description = "Checkpoint, journal, report and last-sync.json (default: sync-<standby pool id>). The same folder resumes a pass.",
            HelpName = "path",
        };
        var listRate = SweepCommand.Rate("--list-rate", "ListUsers pages per second on the primary (UserList: 30, not adjustable, shared with live traffic).", 5);
        var standbyListRate = SweepCommand.Rate("--standby-list-rate", "ListUsers pages per second on the standby (its own region's UserList quota).", 5);
        var readRate = SweepCommand.Rate("--read-rate", "AdminGetUser calls per second, on each pool (UserRead).", 10);
        var rate = SweepCommand.Rate("--rate", "AdminCreateUser calls per second on the standby (UserCreation).", 5);
        var updateRate = SweepCommand.Rate("--update-rate", "Attribute updates, enables, disables, deletions and password steps per second on the standby (UserUpdate: 25, not adjustable).", 5);
        var groupRate = SweepCommand.Rate("--group-rate", "Group creations and membership additions and removals per second on the standby (UserResourceUpdate: 25, not adjustable).", 5);
        var roleMap = GroupsCommand.RoleMapOption();
        var (renames, custom, legacySub) = MappingArguments.CreateOptions(
            "the standby's schema",
            $"A custom attribute holding the primary's sub, as {TriggerSettingNames.LegacySubAttribute}; recommended: it proves a standby user is the primary's whatever their addresses.");

        var command = new Command("sync", Description).WithNotes(
            "0 the standby is current, no findings; 1 failed or unmappable users (see the report), or the pass stopped (run again to resume); 2 bad usage, nothing written.",
            "cognito-migrate sync --old-pool-id eu-west-1_Primary --new-pool-id eu-central-1_Standby --new-region eu-central-1 --dry-run",
            "cognito-migrate sync --old-pool-id eu-west-1_Primary --new-pool-id eu-central-1_Standby --new-region eu-central-1 --legacy-sub-attribute custom:legacy_sub --output json");
        options.AddOldPool(command);
        options.AddNewPool(command);
        foreach (var option in new Option[] { dryRun, deleteMissing, yes, workDir, listRate, standbyListRate, readRate, rate, updateRate, groupRate, roleMap, renames, custom, legacySub })
        {
            command.Options.Add(option);
        }

        options.AddShared(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var mapping = MappingArguments.ParseOrFail(parse.GetValue(renames), parse.GetValue(custom), parse.GetValue(legacySub));

            var sweepKey = SweepCommand.ReadSweepKey(host);

            var factory = new CognitoClientFactory(host, options.ReadProfile(parse), CognitoClientFactory.BatchResilience);
            var standby = factory.Connect(options.ReadNewPool(parse));
            var primary = factory.Connect(options.ReadOldPool(parse));
            var sync = new SyncOptions
            {
                PrimaryUserPoolId = primary.PoolId,
                StandbyUserPoolId = standby.PoolId,
                DryRun = parse.GetValue(dryRun),
                DeleteMissing = parse.GetValue(deleteMissing),
                AssumeYes = parse.GetValue(yes),
                WorkDirectory = parse.GetValue(workDir),
                SweepKey = sweepKey,
                Attributes = mapping,
                PagesPerSecond = parse.GetValue(listRate),
                StandbyPagesPerSecond = parse.GetValue(standbyListRate),
                ReadsPerSecond = parse.GetValue(readRate),
                CreatesPerSecond = parse.GetValue(rate),
                UpdatesPerSecond = parse.GetValue(updateRate),
                GroupWritesPerSecond = parse.GetValue(groupRate),
                RoleMap = parse.GetValue(roleMap) ?? new Dictionary<string, string>(StringComparer.Ordinal),
                Format = options.ReadOutput(parse),
            };
            return await SyncRunner.RunAsync(sync, primary.Client, standby.Client, host.Out, host.Error, host.In, host.TimeProvider, cancellationToken);
        });
        return command;
    }
}
