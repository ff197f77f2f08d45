using System.CommandLine;
using System.CommandLine.Parsing;
using Trigger.Aws.Cognito;
using Trigger.Cli.Commands.Groups;
using Trigger.Cli.Clients;
using Trigger.Cli.Exits;
using Trigger.Cli.Hosting;
using Trigger.Cli.Options;
using Trigger.Cli.Output;
using Trigger.Cli.Pacing;
using Trigger.Cli.Commands.Sweep;
using Trigger.Cli.Commands.Sync;
using Trigger.Contract;

namespace Trigger.Cli.Commands.Plan;

/// <summary><c>plan</c>: a readiness report on both pools, each finding blocking or a warning, with its fix.</summary>
internal static class PlanCommand
{
    private const string Description =
        "Check that the old and new pools fit together before the first user signs in: attributes, sign-in names, app clients, "
        + "MFA, passwords, sweep time. Each finding is blocking or a warning, with its fix. Changes nothing.";

    public static Command Create(CommonOptions options, CliHost host)
    {
        var oldClientId = ClientIdOption("--old-client-id", $"The old pool's app client the trigger signs in through ({TriggerSettingNames.OldClientId}); default: look at every client.");
        var newClientId = ClientIdOption("--new-client-id", "Check only this app client of the new pool; default: every client.");
        var oldClientSecretArn = new Option<string>("--old-client-secret-arn")
        {
            Description = $"The Secrets Manager secret that holds the old client's secret ({TriggerSettingNames.OldClientSecretArn}), when it has one.",
            HelpName = "arn",
        };
        oldClientSecretArn.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && !InputRules.IsSecretArn(value))
            {
                result.AddError($"--old-client-secret-arn '{value}' is not a Secrets Manager secret ARN.");
            }
        });

        var scan = CountOption.Optional(
            "--scan", "Also read the first N old users (1 to 100000) to find attributes in use, shared aliases and case collisions.", 1, 100_000);
        var pagesPerSecond = CountOption.PagesPerSecond("with --scan");
        var snapshot = new Option<string>("--snapshot")
        {
            Description = "Instead of --scan, read every old user from a snapshot written by export (shared aliases, case collisions, attributes in use).",
            HelpName = "file",
        };
        var renames = new Option<IReadOnlyDictionary<string, string>>("--attribute-renames")
        {
            Description = $"old=new pairs, comma-separated, as the function's {TriggerSettingNames.AttributeRenames} (e.g. custom:tenant=custom:org).",
            HelpName = "old=new,...",
            CustomParser = ParseRenames,
        };
        var strict = new Option<bool>("--strict") { Description = "Exit with 1 on warnings too, not only on blocking findings." };
        var foldIndexTable = new Option<string>("--fold-index-table")
        {
            Description = $"The fold index table the function reads ({TriggerSettingNames.FoldIndexTable}), for a case-sensitive old pool moving into a case-insensitive new one.",
            HelpName = "table",
        };
        var syncState = new Option<string>("--sync-state")
        {
            Description = "A disaster-recovery pair (old = primary, new = standby): the sync work directory whose last complete pass says how fresh the standby is.",
            HelpName = "dir",
        };
        var maxSyncAge = new Option<double>("--max-sync-age")
        {
            Description = "With --sync-state: hours the last complete sync pass may be old before the standby counts as stale.",
            DefaultValueFactory = _ => 24,
            HelpName = "hours",
        };
        maxSyncAge.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (> 0 and <= 8760))
            {
                result.AddError("--max-sync-age must be between 0 and 8760 hours.");
            }
        });

        var command = new Command("plan", Description).WithNotes(
            "0 no blocking finding (with --strict: no finding at all); 1 findings, or a call failed; 2 bad usage.",
            "cognito-migrate plan --old-pool-id eu-west-1_Old123 --new-pool-id eu-west-1_New456 --old-client-id 1example23456789 --scan 1000",
            "cognito-migrate plan --old-pool-id eu-west-1_Old123 --new-pool-id eu-west-1_New456 --output json > plan.json");
        options.AddOldPool(command);
        options.AddNewPool(command);
        command.Options.Add(oldClientId);
        command.Options.Add(oldClientSecretArn);
        command.Options.Add(newClientId);
        command.Options.Add(scan);
        command.Options.Add(pagesPerSecond);
        command.Options.Add(snapshot);
        command.Options.Add(renames);
        command.Options.Add(strict);
        command.Options.Add(foldIndexTable);
        command.Options.Add(syncState);
        command.Options.Add(maxSyncAge);
        options.AddShared(command);
        command.Validators.Add(result =>
        {
            if (result.GetResult(scan) is not null && result.GetResult(snapshot) is not null)
            {
                result.AddError("Give --scan (read the live old pool) or --snapshot (a file written by export), not both.");
            }
        });

        command.SetAction((parse, cancellationToken) => RunAsync(new PlanArguments(
            options.ReadOldPool(parse),
            options.ReadNewPool(parse),
            options.ReadProfile(parse),
            options.ReadOutput(parse),
            parse.GetValue(oldClientId),
            parse.GetValue(oldClientSecretArn),
            parse.GetValue(newClientId),
            parse.GetValue(scan),
            parse.GetValue(pagesPerSecond),
            parse.GetValue(snapshot),
            parse.GetValue(renames) ?? new Dictionary<string, string>(),
            parse.GetValue(strict),
            parse.GetValue(foldIndexTable))
        {
            SyncState = parse.GetValue(syncState),
            MaxSyncAge = TimeSpan.FromHours(parse.GetValue(maxSyncAge)),
        }, host, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(PlanArguments arguments, CliHost host, CancellationToken cancellationToken)
    {
        var factory = new CognitoClientFactory(host, arguments.Profile);
        var oldPool = factory.Connect(arguments.OldPool);
        var newPool = factory.Connect(arguments.NewPool);

        var oldDescribed = (await oldPool.DescribeAsync(cancellationToken)).UserPool!;
        var newDescribed = (await newPool.DescribeAsync(cancellationToken)).UserPool!;
        var oldClients = await ClientsAsync(oldPool, arguments.OldClientId, cancellationToken);
        var newClients = await ClientsAsync(newPool, arguments.NewClientId, cancellationToken);
        var sample = arguments.Scan is { } count
            ? await SampleAsync(oldPool, count, oldDescribed.EstimatedNumberOfUsers, arguments.PagesPerSecond, host, cancellationToken)
            : arguments.SnapshotPath is { } path ? await SnapshotSampleAsync(path, arguments.OldPool.PoolId, cancellationToken) : null;

        var groups = GroupComparison.Compare(
            await PoolGroups.ListAsync(oldPool, cancellationToken), await PoolGroups.ListAsync(newPool, cancellationToken), new Dictionary<string, string>());
        var missingWithMembers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var missing in groups.Where(g => g.State == GroupState.Missing))
        {
            if (await PoolGroups.HasMembersAsync(oldPool, missing.Old.GroupName!, cancellationToken))
            {
                missingWithMembers.Add(missing.Old.GroupName!);
            }
        }

        var input = new PlanInput
        {
            Groups = groups,
            MissingGroupsWithMembers = missingWithMembers,
            OldPool = oldDescribed,
            NewPool = newDescribed,
            OldClients = oldClients,
            NewClients = newClients,
            OldClientId = arguments.OldClientId,
            NewClientId = arguments.NewClientId,
            OldClientSecretArnGiven = arguments.OldClientSecretArn is not null,
            Sample = sample,
            Renames = arguments.Renames,
            FoldIndexTable = arguments.FoldIndexTable,
            DisasterRecovery = arguments.SyncState is { } syncDirectory
                ? new DisasterRecoveryState(Path.GetFullPath(syncDirectory), SyncRunner.ReadFreshness(syncDirectory), host.TimeProvider.GetUtcNow(), arguments.MaxSyncAge)
                : null,
        };
        var findings = PlanChecks.Evaluate(input);
        var report = BuildReport(input, findings, oldPool, newPool, arguments);

        if (arguments.Output == OutputFormat.Json)
        {
            JsonOutput.Write(host.Out, report, PlanJsonContext.Default.PlanReport);
        }
        else
        {
            PlanRenderer.Render(Terminal.For(host.Out, host.OutIsTerminal), host.Out, report);
        }

        return report.Blocking > 0 || (arguments.Strict && report.Warnings > 0) ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static async Task<IReadOnlyList<UserPoolClientType>> ClientsAsync(PoolConnection pool, string? clientId, CancellationToken cancellationToken)
    {
        if (clientId is null)
        {
            return await pool.DescribeAllClientsAsync(cancellationToken);
        }

        return await pool.DescribeClientAsync(clientId, cancellationToken) is { } client ? [client] : [];
    }

    private static Task<UserSample> SampleAsync(
        PoolConnection oldPool, int count, int? estimated, int pagesPerSecond, CliHost host, CancellationToken cancellationToken) =>
        Terminal.WithProgressAsync(host, "Reading old users", Math.Min(count, estimated ?? count), async report =>
        {
            using var pace = new RequestPace(pagesPerSecond, host.TimeProvider);
            var users = new List<UserType>(Math.Min(count, 10_000));
            await foreach (var user in oldPool.ListUsersAsync(pace, cancellationToken))
            {
                users.Add(user);
                report(users.Count);
                if (users.Count >= count)
                {
                    break;
                }
            }

            return new UserSample(count, users);
        });

    private static async Task<UserSample> SnapshotSampleAsync(string path, string oldPoolId, CancellationToken cancellationToken)
    {
        SnapshotSource source;
        try
        {
            source = await SnapshotSource.OpenAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new CliFailure(e is InvalidDataException ? e.Message : $"--snapshot: {e.Message}", ExitCodes.Usage);
        }

        if (source.OldUserPoolId != oldPoolId)
        {
            throw new CliFailure($"--snapshot holds the users of {source.OldUserPoolId}, not of the old pool {oldPoolId}.", ExitCodes.Usage);
        }

        var users = new List<UserType>();
        var mfa = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var sawMfaDetails = false; // a method ListUsers cannot show: the export read MFA details
        await foreach (var candidate in source.ReadAsync(SourcePosition.Start, cancellationToken))
        {
            var user = candidate.User;
            mfa[user.Username] = user.MfaMethods;
            sawMfaDetails |= user.MfaMethods.Any(m => m != "SMS_MFA");
            users.Add(new UserType
            {
                Username = user.Username,
                Attributes = [.. user.Attributes.Select(a => new AttributeType { Name = a.Key, Value = a.Value })],
                UserStatus = user.Status,
                Enabled = user.Enabled,
            });
        }

        return new UserSample(users.Count, users) { MfaMethods = mfa, SeesEveryMfaMethod = sawMfaDetails };
    }

    private static PlanReport BuildReport(PlanInput input, IReadOnlyList<Finding> findings, PoolConnection oldPool, PoolConnection newPool, PlanArguments arguments)
    {
        // Cognito's count is an estimate (and an emulator may report 0): a larger sample wins.
        var estimate = new SweepEstimate(Math.Max(input.OldPool.EstimatedNumberOfUsers ?? 0, input.Sample?.Count ?? 0));
        var notes = new List<string>();
        if (input.Sample is null)
        {
            notes.Add("Attributes in use, shared aliases and case collisions were judged from the schemas only; add --scan N to read N old users, or --snapshot to read an export's.");
        }
        else if (arguments.Scan is not null && input.Sample.Count < (input.OldPool.EstimatedNumberOfUsers ?? 0))
        {
            notes.Add($"--scan read the first {input.Sample.Count} old users; users beyond them were not checked.");
        }

        return new PlanReport(
            Summary(input.OldPool, oldPool),
            Summary(input.NewPool, newPool),
            [.. input.OldClients.Select(ClientSummary)],
            [.. input.NewClients.Select(ClientSummary)],
            input.Sample is { } sample ? new SampleSummary(sample.Requested, sample.Count) : null,
            findings,
            findings.Count(f => f.Severity == Severity.Blocking),
            findings.Count(f => f.Severity == Severity.Warning),
            new SweepSummary(
                estimate.Users,
                Math.Round(estimate.Listing.TotalMinutes, 1),
                Math.Round(estimate.Creating.TotalMinutes, 1),
                SweepEstimate.Describe(estimate.Listing),
                SweepEstimate.Describe(estimate.Creating)),
            FunctionEnvironment.Derive(
                input, arguments.OldPool, oldPool.Region, arguments.OldClientSecretArn),
            notes);
    }

    private static PoolSummary Summary(UserPoolType pool, PoolConnection connection) => new(
        connection.PoolId,
        pool.Name,
        connection.Region,
        pool.EstimatedNumberOfUsers,
        SignInNames.Of(pool).Describe(),
        pool.MfaConfiguration ?? "OFF",
        SecurityChecks.PolicyOf(pool).ToSetting(),
        pool.LambdaConfig?.UserMigration,
        pool.LambdaConfig?.PreSignUp);

    private static AppClientSummary ClientSummary(UserPoolClientType client) => new(
        client.ClientId,
        client.ClientName,
        AuthFlows.Of(client),
        AuthFlows.ReachesTrigger(client),
        client.HasClientSecret,
        client.PreventUserExistenceErrors ?? "LEGACY");

    private static Option<string> ClientIdOption(string name, string description)
    {
        var option = new Option<string>(name) { Description = description, HelpName = "id" };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && !InputRules.IsClientId(value))
            {
                result.AddError($"{name} '{value}' is not an app client id (1 to 128 letters, digits or +).");
            }
        });
        return option;
    }

    private static IReadOnlyDictionary<string, string> ParseRenames(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        // Worded as the function words its refusal of the same value at start-up.
        var problem = SettingValues.ParseRenames(text, out var renames, out var culprit);
        if (SettingValues.DescribeRenamesProblem("--attribute-renames", problem, culprit) is { } error)
        {
            result.AddError(error);
        }
        else if (renames.Count == 0)
        {
            result.AddError("--attribute-renames needs at least one old=new pair.");
        }

        return renames;
    }

    private sealed record PlanArguments(
        PoolTarget OldPool,
        PoolTarget NewPool,
        string? Profile,
        OutputFormat Output,
        string? OldClientId,
        string? OldClientSecretArn,
        string? NewClientId,
        int? Scan,
        int PagesPerSecond,
        string? SnapshotPath,
        IReadOnlyDictionary<string, string> Renames,
        bool Strict,
        string? FoldIndexTable)
    {
        /// <summary><c>--sync-state</c>: a DR pair's sync work directory; null when not given.</summary>
        public string? SyncState { get; init; }

        /// <summary><c>--max-sync-age</c>.</summary>
        public TimeSpan MaxSyncAge { get; init; } = TimeSpan.FromHours(24);
    }
}
