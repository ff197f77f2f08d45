using System.CommandLine;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Trigger.Aws;
using Trigger.Aws.DynamoDb;
using Trigger.Cli.Clients;
using Trigger.Cli.Exits;
using Trigger.Cli.Hosting;
using Trigger.Cli.Options;
using Trigger.Cli.Output;
using Trigger.Cli.Commands.Sweep;
using Trigger.Cli.Pacing;
using Trigger.Contract;

namespace Trigger.Cli.Commands.FoldIndex;

/// <summary>
/// <c>index</c>: builds the fold index the trigger consults when a case-sensitive old pool migrates into a
/// case-insensitive new pool: every username, email and preferred_username of an export snapshot, folded to
/// lowercase, to the old users that own it. Lists the conflicts (two or more old users owning one folded name).
/// </summary>
internal static class IndexCommand
{
    private const string Description =
        $"Build the fold index ({TriggerSettingNames.FoldIndexTable}) from a snapshot written by export: each username, email and "
        + "preferred_username folded to lowercase, to the old users that own it. Paced, resumable; lists the conflicts.";

    /// <summary>A new on-demand table sustains up to 4,000 writes a second (DynamoDB developer guide, "Initial throughput"); stay under it.</summary>
    public const double DefaultOnDemandWriteRate = 3000;

    public static Command Create(CommonOptions options, CliHost host)
    {
        var snapshot = new Option<string>("--snapshot")
        {
            Description = "The snapshot of the old pool (JSON Lines written by export).",
            HelpName = "file",
            Required = true,
        };
        var table = new Option<string>("--table")
        {
            Description = $"The DynamoDB table (the stack's FoldIndexTable output; the function's {TriggerSettingNames.FoldIndexTable}).",
            HelpName = "name",
            Required = true,
        };
        var region = new Option<string>("--region") { Description = "The table's region; default: the profile's, then AWS_REGION.", HelpName = "region" };
        var writeRate = new Option<double?>("--write-rate")
        {
            Description = "Write units per second. Default: a provisioned table's write capacity, an on-demand table's maximum, else 3000.",
            HelpName = "units/s",
        };
        writeRate.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } value && value is not (>= 1 and <= 40_000))
            {
                result.AddError("--write-rate must be from 1 to 40000 write units per second.");
            }
        });
        var create = new Option<bool>("--create-table") { Description = "Create the table (on demand, key 'folded') when it does not exist; the CDK stack normally does." };

        var command = new Command("index", Description).WithNotes(
            "0 the index is complete and no two old users fold together; 1 conflicts were found (the index is still complete), or a call failed (run again to resume); 2 bad usage.",
            "cognito-migrate index --snapshot old-pool.jsonl --table MigrationFoldIndex",
            "cognito-migrate index --snapshot old-pool.jsonl --table MigrationFoldIndex --write-rate 1000");
        command.Options.Add(snapshot);
        command.Options.Add(table);
        command.Options.Add(region);
        command.Options.Add(writeRate);
        command.Options.Add(create);
        command.Options.Add(options.Profile);
        command.Validators.Add(result =>
        {
            if (result.GetValue(table) is { } name && !IsTableName(name))
            {
                result.AddError($"--table '{name}' is not a DynamoDB table name (3 to 255 letters, digits, '_', '-' or '.').");
            }
        });

        command.SetAction(async (parse, cancellationToken) =>
        {
            SnapshotSource source;
            try
            {
                source = await SnapshotSource.OpenAsync(parse.GetRequiredValue(snapshot), cancellationToken);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                throw new CliFailure(e is InvalidDataException ? e.Message : $"--snapshot: {e.Message}", ExitCodes.Usage);
            }

            try
            {
                return await BuildAsync(parse, source, host, options, table, region, writeRate, create, cancellationToken);
            }
            catch (Amazon.Runtime.AmazonServiceException e)
            {
                // The code and the service's text: DynamoDB's messages name the table and the limit, never an item.
                throw new CliFailure($"DynamoDB refused the call: {e.ErrorCode} ({(int)e.StatusCode}): {e.Message} Run again to resume.", e);
            }
            catch (Amazon.Runtime.AmazonClientException e)
            {
                throw new CliFailure($"Could not call DynamoDB: {e.Message}", e);
            }
        });
        return command;
    }

    private static async Task<int> BuildAsync(
        ParseResult parse, SnapshotSource source, CliHost host, CommonOptions options,
        Option<string> table, Option<string> region, Option<double?> writeRate, Option<bool> create, CancellationToken cancellationToken)
    {
        var tableName = parse.GetRequiredValue(table);
        var factory = new CognitoClientFactory(host, options.ReadProfile(parse));
        using var dynamo = await DynamoDbClients.CreateAsync(
            new AwsClientOptions
            {
                Region = parse.GetValue(region) ?? factory.ProfileRegion,
                Credentials = factory.BaseCredentials(),
                HttpClient = host.HttpClient,
                TimeProvider = host.TimeProvider,
                EnvironmentVariables = host.Environment,
            },
            maxRetries: 8,
            attemptTimeout: TimeSpan.FromSeconds(30),
            cancellationToken);

        // Always asked: it also shows the table exists (or creates it) before the snapshot is read.
        var tableRate = await TableWriteRateAsync(dynamo, tableName, parse.GetValue(create), host.TimeProvider, cancellationToken);
        var rate = parse.GetValue(writeRate) ?? tableRate;
        using var pace = new RequestPace(rate, host.TimeProvider);
        var result = await new FoldIndexBuilder(dynamo, tableName, pace, host.TimeProvider, host.Error).BuildAsync(source, cancellationToken);
        await host.Out.WriteLineAsync(FoldIndexBuilder.Summary(result, tableName));
        foreach (var conflict in result.Conflicts)
        {
            await host.Out.WriteLineAsync($"conflict {conflict}");
        }

        return result.Conflicts.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static bool IsTableName(string name) =>
        name.Length is >= 3 and <= 255 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    // The rate the table takes: its provisioned write capacity, or an on-demand table's maximum (when one is set)
    // capped at the default; the table is created first when asked and missing.
    private static async Task<double> TableWriteRateAsync(IAmazonDynamoDB dynamo, string table, bool create, TimeProvider time, CancellationToken cancellationToken)
    {
        TableDescription description;
        try
        {
            description = (await dynamo.DescribeTableAsync(new DescribeTableRequest { TableName = table }, cancellationToken)).Table;
        }
        catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException) when (create)
        {
            await dynamo.CreateTableAsync(
                new CreateTableRequest
                {
                    TableName = table,
                    BillingMode = BillingMode.PAY_PER_REQUEST,
                    KeySchema = [new KeySchemaElement(FoldIndexItem.KeyAttribute, KeyType.HASH)],
                    AttributeDefinitions = [new AttributeDefinition(FoldIndexItem.KeyAttribute, ScalarAttributeType.S)],
                },
                cancellationToken);
            description = await WaitActiveAsync(dynamo, table, time, cancellationToken);
        }
        catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException)
        {
            throw new CliFailure($"The table {table} does not exist: deploy the stack with a fold index (infra/migrations.jsonc), or pass --create-table.", ExitCodes.Usage);
        }

        if (description.BillingModeSummary?.BillingMode != BillingMode.PAY_PER_REQUEST && description.ProvisionedThroughput?.WriteCapacityUnits is > 0 and var units)
        {
            return units;
        }

        return description.OnDemandThroughput?.MaxWriteRequestUnits is > 0 and var max
            ? Math.Min(max, DefaultOnDemandWriteRate)
            : DefaultOnDemandWriteRate;
    }

    private static async Task<TableDescription> WaitActiveAsync(IAmazonDynamoDB dynamo, string table, TimeProvider time, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var description = (await dynamo.DescribeTableAsync(new DescribeTableRequest { TableName = table }, cancellationToken)).Table;
            if (description.TableStatus == TableStatus.ACTIVE || attempt >= 120)
            {
                return description;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellationToken);
        }
    }
}
