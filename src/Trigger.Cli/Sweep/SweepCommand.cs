using System.CommandLine;
using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Cli.Export;

namespace Trigger.Cli.Sweep;

/// <summary>The <c>sweep</c> command: create the old pool's stragglers in the new pool, paced, resumable, lossless.</summary>
public static class SweepCommand
{
    /// <summary>Creates the command with its own options (the root command may later share the common ones).</summary>
    /// <param name="clients">Builds a client for a pool; null for the real AWS client.</param>
    /// <param name="time">The clock; null for the system clock.</param>
    /// <param name="console">The streams; null for the process's console.</param>
    public static Command Create(Func<PoolConnection, ICognitoIdentityProvider>? clients = null, TimeProvider? time = null, CommandConsole? console = null)
    {
        var oldPoolId = new Option<string?>("--old-pool-id") { Description = "Sweep from the live old pool (or use --snapshot)." };
        var oldRegion = new Option<string?>("--old-region") { Description = "The old pool's region (default: the pool id's prefix)." };
        var oldEndpoint = new Option<string?>("--old-endpoint-url") { Description = "The old pool's Cognito endpoint, when not the standard one." };
        var snapshot = new Option<string?>("--snapshot") { Description = "Sweep from a snapshot written by export instead of the live old pool." };
        var newPoolId = new Option<string>("--new-pool-id") { Description = "The pool to create the stragglers in.", Required = true };
        var newRegion = new Option<string?>("--new-region") { Description = "The new pool's region (default: the pool id's prefix)." };
        var newEndpoint = new Option<string?>("--new-endpoint-url") { Description = "The new pool's Cognito endpoint, when not the standard one." };
        var strategy = new Option<string>("--strategy") { Description = "admin: AdminCreateUser per user; csv: import files (and jobs with --import).", DefaultValueFactory = _ => "admin" };
        strategy.AcceptOnlyFromAmong("admin", "csv");
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be created and why the rest would be skipped; write nothing to the new pool." };
        var notify = new Option<bool>("--notify") { Description = "Admin strategy: send each straggler a password-reset code (RESET_REQUIRED). Default: silent." };
        var yes = new Option<bool>("--yes") { Description = "Do not ask for confirmation." };
        var restart = new Option<bool>("--restart") { Description = "Set the work directory's previous run aside and sweep from the first user again." };
        var workDir = new Option<string?>("--work-dir") { Description = "Checkpoint, journal, id map, report and CSV files (default: sweep-<new pool id>). The same folder resumes." };
        var rate = new Option<double>("--rate") { Description = "AdminCreateUser calls per second; keep below the UserCreation quota, which live sign-ups share.", DefaultValueFactory = _ => 10 };
        var passwordRate = new Option<double>("--password-rate") { Description = "AdminSetUserPassword/AdminResetUserPassword calls per second (their quota cannot be raised).", DefaultValueFactory = _ => 10 };
        var readRate = new Option<double>("--read-rate") { Description = "AdminGetUser calls per second on the new pool.", DefaultValueFactory = _ => 30 };
        var listRate = new Option<double>("--list-rate") { Description = "ListUsers pages per second on the old pool (UserList: 30, not adjustable).", DefaultValueFactory = _ => 5 };
        var concurrency = new Option<int>("--concurrency") { Description = "Users handled at the same time.", DefaultValueFactory = _ => 8 };
        var renames = new Option<string?>("--attribute-renames") { Description = "old=new pairs, comma-separated, as MIGRATION_ATTRIBUTE_RENAMES." };
        var custom = new Option<string?>("--new-custom-attributes") { Description = "custom:a,custom:b, as MIGRATION_NEW_CUSTOM_ATTRIBUTES (default: the new pool's schema)." };
        var legacySub = new Option<string?>("--legacy-sub-attribute") { Description = "A custom attribute receiving the old sub, as MIGRATION_LEGACY_SUB_ATTRIBUTE." };
        var allowDropped = new Option<bool>("--allow-dropped-attributes") { Description = "Create users whose attributes the new schema lacks (dropped, named in the report). Default: report them, create nothing." };
        var import = new Option<bool>("--import") { Description = "CSV strategy: create, upload, start and poll an import job per file." };
        var logsRole = new Option<string?>("--cloudwatch-logs-role-arn") { Description = "CSV import: the role Cognito writes the job's logs with." };
        var poll = new Option<double>("--poll-interval") { Description = "CSV import: seconds between two DescribeUserImportJob calls.", DefaultValueFactory = _ => 10 };
        var format = new Option<string>("--output") { Description = "The report's format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("sweep", "Create every old user not yet in the new pool there (the stragglers), paced, resumable, with a report and an id map.")
        {
            oldPoolId, oldRegion, oldEndpoint, snapshot, newPoolId, newRegion, newEndpoint, strategy, dryRun, notify, yes, restart, workDir,
            rate, passwordRate, readRate, listRate, concurrency, renames, custom, legacySub, allowDropped, import, logsRole, poll, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var io = console ?? CommandConsole.System;
            var clock = time ?? TimeProvider.System;
            var newConnection = ExportCommand.Connection(parse.GetValue(newPoolId)!, parse.GetValue(newRegion), parse.GetValue(newEndpoint), "--new-endpoint-url", out var problem);
            var oldConnection = problem is null && parse.GetValue(oldPoolId) is { } oldId
                ? ExportCommand.Connection(oldId, parse.GetValue(oldRegion), parse.GetValue(oldEndpoint), "--old-endpoint-url", out problem)
                : null;
            SweepOptions? options = null;
            try
            {
                if (problem is null)
                {
                    options = new SweepOptions
                    {
                        OldUserPoolId = oldConnection?.UserPoolId,
                        SnapshotPath = parse.GetValue(snapshot),
                        NewUserPoolId = newConnection!.UserPoolId,
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
                        Concurrency = parse.GetValue(concurrency),
                        Attributes = MappingArguments.Parse(parse.GetValue(renames), parse.GetValue(custom), parse.GetValue(legacySub)),
                        AllowDroppedAttributes = parse.GetValue(allowDropped),
                        RunImport = parse.GetValue(import),
                        CloudWatchLogsRoleArn = parse.GetValue(logsRole),
                        ImportPollInterval = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(poll), 0.001, 600)),
                        Format = parse.GetValue(format) == "json" ? ReportFormat.Json : ReportFormat.Text,
                        InteractiveProgress = io.Interactive,
                    };
                }
            }
            catch (SweepUsageException e)
            {
                problem = e.Message;
            }

            if (problem is not null)
            {
                await io.Messages.WriteLineAsync($"sweep: {problem}");
                return CommandExit.Usage;
            }

            ICognitoIdentityProvider newClient;
            ICognitoIdentityProvider? oldClient;
            try
            {
                newClient = clients?.Invoke(newConnection!) ?? PoolClients.Create(newConnection!, clock);
                oldClient = oldConnection is null ? null : clients?.Invoke(oldConnection) ?? PoolClients.Create(oldConnection, clock);
            }
            catch (AwsConfigurationException e)
            {
                await io.Messages.WriteLineAsync($"sweep: {e.Message}");
                return CommandExit.Usage;
            }

            return await SweepRunner.RunAsync(options!, oldClient, newClient, io.Output, io.Messages, io.Input, clock, cancellationToken);
        });
        return command;
    }
}
