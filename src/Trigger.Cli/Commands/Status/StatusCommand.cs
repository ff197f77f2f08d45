using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Trigger.Aws.Cognito;
using Trigger.Cli.Clients;
using Trigger.Cli.Exits;
using Trigger.Cli.Hosting;
using Trigger.Cli.Options;
using Trigger.Cli.Output;
using Trigger.Cli.Pacing;
using Trigger.Migration.Decisions;

namespace Trigger.Cli.Commands.Status;

/// <summary><c>status</c>: is the trigger attached, how many users each pool has, how many remain, the last sweep's checkpoint.</summary>
internal static class StatusCommand
{
    private const string Description =
        "Show where the migration stands: the triggers, the users of both pools (exact with --exact), the last sweep's checkpoint.";

    public static Command Create(CommonOptions options, CliHost host)
    {
        var exact = new Option<bool>("--exact")
        {
            Description = "List both pools to count users exactly and to count the old users already in the new pool (ListUsers, paced).",
        };
        var pagesPerSecond = CountOption.PagesPerSecond("with --exact");
        var checkpoint = new Option<string>("--checkpoint")
        {
            Description = "The sweep's checkpoint file (sweep-<new pool id>/checkpoint.json); its top-level fields are shown when it is one.",
            HelpName = "file",
        };

        var command = new Command("status", Description).WithNotes(
            "0 read; 1 a call failed; 2 bad usage.",
            "cognito-migrate status --old-pool-id eu-west-1_Old123 --new-pool-id eu-west-1_New456 --exact --checkpoint sweep-eu-west-1_New456/checkpoint.json");
        options.AddAll(command, oldPool: true, newPool: true, exact, pagesPerSecond, checkpoint);

        command.SetAction((parse, cancellationToken) => RunAsync(
            options.ReadOldPool(parse),
            options.ReadNewPool(parse),
            options.ReadProfile(parse),
            options.ReadOutput(parse),
            parse.GetValue(exact),
            parse.GetValue(pagesPerSecond),
            parse.GetValue(checkpoint),
            host,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        PoolTarget oldTarget,
        PoolTarget newTarget,
        string? profile,
        OutputFormat output,
        bool exact,
        int pagesPerSecond,
        string? checkpointPath,
        CliHost host,
        CancellationToken cancellationToken)
    {
        var factory = new CognitoClientFactory(host, profile);
        var oldPool = factory.Connect(oldTarget);
        var newPool = factory.Connect(newTarget);
        var oldDescribed = (await oldPool.DescribeAsync(cancellationToken)).UserPool!;
        var newDescribed = (await newPool.DescribeAsync(cancellationToken)).UserPool!;

        ExactCounts? counts = null;
        if (exact)
        {
            using var pace = new RequestPace(pagesPerSecond, host.TimeProvider);
            // Usernames match the way the new pool matches them.
            IEqualityComparer<string> comparer = NameRule.For(newDescribed.UsernameConfiguration?.CaseSensitive);
            var newUsernames = await Terminal.WithProgressAsync(host, "Listing new users", newDescribed.EstimatedNumberOfUsers, async report =>
            {
                var names = new HashSet<string>(comparer);
                await foreach (var user in newPool.ListUsersAsync(pace, cancellationToken))
                {
                    names.Add(user.Username ?? string.Empty);
                    report(names.Count);
                }

                return names;
            });
            counts = await Terminal.WithProgressAsync(host, "Listing old users", oldDescribed.EstimatedNumberOfUsers, async report =>
            {
                long oldUsers = 0, migrated = 0;
                var seen = new HashSet<string>(comparer);
                await foreach (var user in oldPool.ListUsersAsync(pace, cancellationToken))
                {
                    oldUsers++;
                    if (newUsernames.Contains(user.Username ?? string.Empty) && seen.Add(user.Username ?? string.Empty))
                    {
                        migrated++;
                    }

                    report(oldUsers);
                }

                return new ExactCounts(oldUsers, newUsernames.Count, migrated, oldUsers - migrated, newUsernames.Count - migrated);
            });
        }

        var checkpoint = checkpointPath is null ? null : CheckpointSummary.Read(checkpointPath);
        var report = new StatusReport(
            Pool(oldDescribed, oldPool),
            Pool(newDescribed, newPool),
            newDescribed.LambdaConfig?.UserMigration,
            newDescribed.LambdaConfig?.PreSignUp,
            counts,
            checkpoint);

        if (output == OutputFormat.Json)
        {
            JsonOutput.Write(host.Out, report, StatusJsonContext.Default.StatusReport);
        }
        else
        {
            Render(Terminal.For(host.Out, host.OutIsTerminal), host.Out, report);
        }

        return ExitCodes.Success;
    }

    private static StatusPool Pool(UserPoolType pool, PoolConnection connection) =>
        new(connection.PoolId, pool.Name, connection.Region, pool.EstimatedNumberOfUsers);

    private static void Render(IAnsiConsole console, TextWriter writer, StatusReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Migration status").HideHeaders();
        table.AddColumn(string.Empty);
        table.AddColumn(string.Empty);
        Row(table, "Old pool", Describe(report.OldPool));
        Row(table, "New pool", Describe(report.NewPool));
        Row(table, "UserMigration trigger", report.UserMigrationTrigger is { } migration ? "attached: " + migration : "not attached");
        Row(table, "PreSignUp trigger", report.PreSignUpTrigger is { } guard ? "attached: " + guard : "not attached");
        Row(table, "Users (estimated)", $"old {Number(report.OldPool.EstimatedUsers)}, new {Number(report.NewPool.EstimatedUsers)}");
        if (report.Exact is { } exact)
        {
            Row(table, "Users (exact)", $"old {Number(exact.OldUsers)}, new {Number(exact.NewUsers)}");
            Row(table, "Old users in the new pool", $"{Number(exact.Migrated)} migrated, {Number(exact.Remaining)} remaining");
            Row(table, "Only in the new pool", Number(exact.OnlyInNewPool));
        }

        console.Write(table);
        if (report.Checkpoint is { } checkpoint)
        {
            writer.WriteLine(!checkpoint.Found
                ? $"No sweep checkpoint at {checkpoint.Path}."
                : !checkpoint.Readable
                    ? $"{checkpoint.Problem}; not shown."
                    : $"Last sweep checkpoint ({checkpoint.Path}):");
            foreach (var field in checkpoint.Fields)
            {
                writer.WriteLine($"  {field.Name}: {Show(field.Value)}");
            }
        }
    }

    private static void Row(Table table, string label, string value) => table.AddRow(new Text(label), new Text(value));

    private static string Describe(StatusPool pool) =>
        $"{pool.Id}{(pool.Name is { Length: > 0 } name ? $" ({name})" : "")}, {pool.Region}";

    private static string Number(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "unknown";

    private static string Number(int? value) => Number((long?)value);

    private static string Show(JsonNode? value) =>
        value is JsonValue text && text.GetValueKind() == JsonValueKind.String ? text.GetValue<string>() : value?.ToJsonString() ?? "null";
}
