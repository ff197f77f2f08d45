using System.CommandLine;
using Trigger.Cli.Clients;
using Trigger.Cli.Exits;
using Trigger.Cli.Hosting;
using Trigger.Cli.Options;
using Trigger.Cli.Output;
using Trigger.Contract;
using Trigger.Migration.Decisions;

namespace Trigger.Cli.Commands.Sweep;

/// <summary><c>sweep</c>: create the old pool's stragglers in the new pool, paced, resumable, lossless.</summary>
internal static class SweepCommand
{
    /// <summary>The environment variable the sweep key is read from (never an option: command lines end up in shell history and process lists).</summary>
    public const string SweepKeyVariable = "COGNITO_MIGRATE_SWEEP_KEY";

    private const string Description =
        "Create every old user not yet in the new pool there (the stragglers), paced, resumable, with a report and an id map.";

    public static Command Create(CommonOptions options, CliHost host)
    {
        var snapshot = new Option<string>("--snapshot")
        {
            Description = "Sweep from a snapshot written by export instead of the live old pool (--old-pool-id).",
            HelpName = "path",
        };
        var trustSnapshot = new Option<bool>("--trust-snapshot")
        {
            Description = "With --snapshot: create users as the snapshot has them, without reading each again from the old pool. Only for a restore where the old pool is gone.",
        };
        var strategy = new Option<string>("--strategy")
        {
            Description = "admin: AdminCreateUser per user; csv: import files (and jobs with --import).",
            DefaultValueFactory = _ => "admin",
            HelpName = "admin|csv",
        };
        CommonOptions.AcceptOnly(strategy, "admin", "csv");
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be created and why the rest would be skipped; write nothing to the new pool." };
        var notify = new Option<bool>("--notify") { Description = "Admin strategy: send each straggler a password-reset code (RESET_REQUIRED). Default: silent." };
        var yes = new Option<bool>("--yes") { Description = "Do not ask for confirmation." };
        var restart = new Option<bool>("--restart") { Description = "Set the work directory's previous run aside and sweep from the first user again." };
        var workDir = new Option<string>("--work-dir")
        {
            Description = "Checkpoint, journal, id map, report and CSV files (default: sweep-<new pool id>). The same folder resumes.",
            HelpName = "path",
        };
        var rate = Rate("--rate", "AdminCreateUser calls per second; keep below the UserCreation quota, which live sign-ups share.", 10);
        var passwordRate = Rate("--password-rate", "AdminSetUserPassword/AdminResetUserPassword calls per second (their quota cannot be raised).", 10);
        var readRate = Rate("--read-rate", "AdminGetUser calls per second on the new pool.", 30);
        var listRate = Rate("--list-rate", "ListUsers pages per second on the old pool (UserList: 30, not adjustable).", 5);
        var groupRate = Rate("--group-rate", "AdminAddUserToGroup calls per second on the new pool (UserResourceUpdate: 25, not adjustable).", 10);
        var concurrency = new Option<int>("--concurrency") { Description = "Users handled at the same time.", DefaultValueFactory = _ => 8, HelpName = "n" };
        var (renames, custom, legacySub) = MappingArguments.CreateOptions("the new pool's schema", $"A custom attribute receiving the old sub, as {TriggerSettingNames.LegacySubAttribute}.");
        var allowDropped = new Option<bool>("--allow-dropped-attributes")
        {
            Description = "Create users whose attributes the new schema lacks (dropped, named in the report). Default: report them, create nothing.",
        };
        var import = new Option<bool>("--import") { Description = "CSV strategy: create, upload, start and poll an import job per file." };
        var logsRole = new Option<string>("--cloudwatch-logs-role-arn") { Description = "CSV import: the role Cognito writes the job's logs with.", HelpName = "arn" };
        var poll = Rate("--poll-interval", "CSV import: seconds between two DescribeUserImportJob calls.", 10);
        poll.HelpName = "seconds";
        poll.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (>= 0.001 and <= 600))
            {
                result.AddError("--poll-interval must be between 0.001 and 600 seconds.");
            }
        });

        var command = new Command("sweep", Description).WithNotes(
            "0 every user settled; 1 failed or unmappable users (see the report), or the run stopped (run again to resume); 2 bad usage or input, nothing written.",
            "cognito-migrate sweep --snapshot old-pool.jsonl --new-pool-id eu-west-1_New456 --dry-run",
            "cognito-migrate sweep --snapshot old-pool.jsonl --new-pool-id eu-west-1_New456 --rate 10 --output json",
            "cognito-migrate sweep --old-pool-id eu-west-1_Old123 --new-pool-id eu-west-1_New456 --strategy csv --import --cloudwatch-logs-role-arn arn:aws:iam::111122223333:role/CognitoImport");
        options.AddOldPool(command, required: false);
        command.Options.Add(snapshot);
        command.Options.Add(trustSnapshot);
        options.AddNewPool(command);
        foreach (var option in new Option[] { strategy, dryRun, notify, yes, restart, workDir, rate, passwordRate, readRate, listRate, groupRate, concurrency, renames, custom, legacySub, allowDropped, import, logsRole, poll })
        {
            command.Options.Add(option);
        }

        options.AddShared(command);
        command.Validators.Add(result =>
        {
            if ((result.GetResult(options.OldPoolId) is null) == (result.GetResult(snapshot) is null))
            {
                result.AddError("Give exactly one source: --old-pool-id (the live old pool) or --snapshot (a file written by export).");
            }
        });

        command.SetAction(async (parse, cancellationToken) =>
        {
            var mapping = MappingArguments.ParseOrFail(parse.GetValue(renames), parse.GetValue(custom), parse.GetValue(legacySub));

            var sweepKey = ReadSweepKey(host);

            var factory = new CognitoClientFactory(host, options.ReadProfile(parse), CognitoClientFactory.BatchResilience);
            var newPool = factory.Connect(options.ReadNewPool(parse));
            var oldPool = options.ReadOptionalOldPool(parse) is { } oldTarget ? factory.Connect(oldTarget) : null;
            var snapshotPath = parse.GetValue(snapshot);
            var sweepsAdmin = parse.GetValue(strategy) != "csv";

            // A snapshot's users are read again from the pool it was exported from (its header names it).
            var rereadPool = snapshotPath is not null && sweepsAdmin && !parse.GetValue(trustSnapshot)
                && await SnapshotSource.ReadPoolIdAsync(snapshotPath, cancellationToken) is { } exportedFrom
                    ? factory.Connect(options.ReadOldPoolNamed(parse, exportedFrom))
                    : null;
            var sweep = new SweepOptions
            {
                OldUserPoolId = oldPool?.PoolId,
                SnapshotPath = snapshotPath,
                TrustSnapshot = parse.GetValue(trustSnapshot),
                NewUserPoolId = newPool.PoolId,
                Strategy = parse.GetValue(strategy) == "csv" ? SweepStrategy.Csv : SweepStrategy.Admin,
                DryRun = parse.GetValue(dryRun),
                Notify = parse.GetValue(notify),
                AssumeYes = parse.GetValue(yes),
                Restart = parse.GetValue(restart),
                WorkDirectory = parse.GetValue(workDir),
                CreatesPerSecond = parse.GetValue(rate),
                PasswordCallsPerSecond = parse.GetValue(passwordRate),
                ReadsPerSecond = parse.GetValue(readRate),
                PagesPerSecond = parse.GetValue(listRate),
                GroupAddsPerSecond = parse.GetValue(groupRate),
                Concurrency = parse.GetValue(concurrency),
                Attributes = mapping,
                SweepKey = sweepKey,
                AllowDroppedAttributes = parse.GetValue(allowDropped),
                RunImport = parse.GetValue(import),
                CloudWatchLogsRoleArn = parse.GetValue(logsRole),
                ImportPollInterval = TimeSpan.FromSeconds(parse.GetValue(poll)),
                Format = options.ReadOutput(parse),
                InteractiveProgress = host.ErrorIsTerminal,
            };
            return await SweepRunner.RunAsync(sweep, (oldPool ?? rereadPool)?.Client, newPool.Client, host.Out, host.Error, host.In, host.TimeProvider, cancellationToken);
        });
        return command;
    }

    /// <summary>The sweep key from <see cref="SweepKeyVariable"/>; null when unset. Shared with <c>sync</c>, which creates users the same way.</summary>
    /// <exception cref="CliFailure">Set, but too short to be the function's key.</exception>
    internal static string? ReadSweepKey(CliHost host)
    {
        var sweepKey = host.Environment.Get(SweepKeyVariable) is { Length: > 0 } key ? key : null;
        if (sweepKey is { Length: < SweepProof.MinimumKeyLength })
        {
            throw new CliFailure($"{SweepKeyVariable} must be at least {SweepProof.MinimumKeyLength} characters (the value in the function's {TriggerSettingNames.SweepKeySecretArn} secret).", ExitCodes.Usage);
        }

        return sweepKey;
    }

    /// <summary>A calls-per-second option (shared with <c>sync</c>).</summary>
    internal static Option<double> Rate(string name, string description, double defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        HelpName = "n/s",
    };
}
