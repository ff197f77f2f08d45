using System.Text.Json.Nodes;
using Trigger.Cli.Commands.Sweep;
using Trigger.Cli.Tests.Commands.Sweep.Support;

namespace Trigger.Cli.Tests.Commands.Sweep;

/// <summary>Bad snapshots, unknown pools, bad options and a full disk: one clear message, nothing half-written.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("not json at all", "line 3: not a snapshot line")]
    [InlineData("{\"kind\":\"user\"}", "line 3: a user line without a username")]
    [InlineData("{\"kind\":\"mystery\"}", "line 3: unknown kind 'mystery'")]
    [InlineData("{\"kind\":\"user\",\"username\":\"x\"}\n{\"kind\":\"summary\",\"users\":7}", "line 4: the summary counts 7 users but the file holds 2")]
    public async Task RunAsync_BadSnapshotLines_RefusedNamingTheLineNothingSent(string badLines, string expected)
    {
        await using var pools = await FakePools.StartAsync();
        var snapshot = WriteSnapshot(pools, "{\"kind\":\"user\",\"username\":\"fine\",\"attributes\":{\"email\":\"f@example.com\",\"email_verified\":\"true\"},\"status\":\"CONFIRMED\",\"enabled\":true}", badLines);
        pools.Fake.ClearCalls();

        var run = await pools.SweepAsync(pools.Options(o => o with { OldUserPoolId = null, SnapshotPath = snapshot }));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Messages, StringComparison.Ordinal);
        Assert.Contains("nothing was sent or written", run.Messages, StringComparison.Ordinal);
        Assert.Empty(pools.Fake.Calls);
        Assert.False(Directory.Exists(pools.WorkDirectory));
    }

    [Fact]
    public async Task RunAsync_SnapshotWithoutSummary_RefusedAsAnUnfinishedExport()
    {
        await using var pools = await FakePools.StartAsync();
        var path = Path.Combine(pools.Scratch.FullName, "cut.jsonl");
        await File.WriteAllTextAsync(path, "{\"kind\":\"snapshot\",\"format\":1,\"userPoolId\":\"us-east-1_x\"}\n{\"kind\":\"user\",\"username\":\"a\"}\n");

        var run = await pools.SweepAsync(pools.Options(o => o with { OldUserPoolId = null, SnapshotPath = path }));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no summary line at the end: the export did not finish", run.Messages, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunAsync_UnknownPool_ClearMessageNothingWritten(bool newPoolUnknown)
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(2);
        var options = newPoolUnknown
            ? pools.Options(o => o with { NewUserPoolId = "us-east-1_Nowhere1" })
            : pools.Options(o => o with { OldUserPoolId = "us-east-1_Nowhere1" });

        var run = await pools.SweepAsync(options);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"the {(newPoolUnknown ? "new" : "old")} pool 'us-east-1_Nowhere1' does not exist", run.Messages, StringComparison.Ordinal);
        Assert.Empty(pools.NewPoolCalls("AdminCreateUser"));
        Assert.False(Directory.Exists(pools.WorkDirectory));
    }

    [Theory]
    [InlineData("both sources")]
    [InlineData("rate")]
    [InlineData("notify csv")]
    [InlineData("csv from an untrusted snapshot")]
    [InlineData("import without role")]
    public async Task RunAsync_BadOptions_UsageErrorNamingTheOption(string problem)
    {
        await using var pools = await FakePools.StartAsync();
        var (options, named) = problem switch
        {
            "both sources" => (pools.Options(o => o with { SnapshotPath = "x.jsonl" }), "--snapshot"),
            "rate" => (pools.Options(o => o with { CreatesPerSecond = 0 }), "--rate"),
            "notify csv" => (pools.Options(o => o with { Strategy = SweepStrategy.Csv, Notify = true }), "--notify"),
            "csv from an untrusted snapshot" => (pools.Options(o => o with { OldUserPoolId = null, SnapshotPath = "x.jsonl", Strategy = SweepStrategy.Csv }), "--trust-snapshot"),
            _ => (pools.Options(o => o with { Strategy = SweepStrategy.Csv, RunImport = true }), "--cloudwatch-logs-role-arn"),
        };
        pools.Fake.ClearCalls();

        var run = await pools.SweepAsync(options);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(named, run.Messages, StringComparison.Ordinal);
        Assert.Empty(pools.Fake.Calls);
    }

    [Fact]
    public async Task RunAsync_DiskFullForTheCheckpoint_StopsWithAClearMessageAndThePreviousCheckpointIntact()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(40);
        var files = new FaultyFiles((name, n) => name == "checkpoint.json" && n >= 3);
        var checkpointPath = Path.Combine(pools.WorkDirectory, "checkpoint.json");

        // Count-paced only: a write due to the clock on a slow machine would move the checkpoint this test pins.
        var run = await pools.SweepAsync(
            pools.Options(o => o with { Concurrency = 1 }),
            new SweepSeams { Files = files, CheckpointEverySettled = 10, CheckpointInterval = TimeSpan.MaxValue });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("No space left on device", run.Messages, StringComparison.Ordinal);
        Assert.Contains("the last checkpoint is intact", run.Messages, StringComparison.Ordinal);
        var kept = JsonNode.Parse(await File.ReadAllTextAsync(checkpointPath))!;
        Assert.Equal(10, kept["resume"]!["sequence"]!.GetValue<long>());
        Assert.False(File.Exists(checkpointPath + ".tmp"));
        Assert.False(File.Exists(Path.Combine(pools.WorkDirectory, "id-map.csv")));
        var createdBeforeTheDiskFilled = pools.SuccessfulCreations().Count;
        Assert.InRange(createdBeforeTheDiskFilled, 20, 21);

        var resumed = await pools.SweepAsync(pools.Options());

        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(40, (await pools.NewUsersAsync()).Count);
        Assert.All(pools.SuccessfulCreations().Values, count => Assert.Equal(1, count));
        Assert.Equal(40, JsonNode.Parse(resumed.Output)!["counts"]!["created"]!.GetValue<long>());
    }

    [Fact]
    public async Task RunAsync_DiskFullForTheJournal_NoCreationWithoutItsRecord()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(20);
        var files = new FaultyFiles((name, n) => name == "journal.jsonl" && n >= 9, tear: true);

        var run = await pools.SweepAsync(pools.Options(o => o with { Concurrency = 1 }), new SweepSeams { Files = files });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("No space left on device", run.Messages, StringComparison.Ordinal);
        var journal = await File.ReadAllLinesAsync(Path.Combine(pools.WorkDirectory, "journal.jsonl"));
        var intents = journal.Count(l => l.Contains("\"e\":\"intent\"", StringComparison.Ordinal));
        Assert.True(pools.SuccessfulCreations().Count <= intents, "a user was created without its intent on disk");

        var resumed = await pools.SweepAsync(pools.Options());

        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(20, (await pools.NewUsersAsync()).Count);
        Assert.All(pools.SuccessfulCreations().Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task RunAsync_ResumeWithOtherOptions_RefusedNamingTheDifference()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(3);
        var crash = new CrashSwitch();
        await pools.SweepAsync(pools.Options(), new SweepSeams { Files = new FaultyFiles((_, _) => false, crash) }, client: new CrashingCognito(pools.Client, crash, afterCreate: 1));

        var run = await pools.SweepAsync(pools.Options(o => o with { Notify = true }));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("was started without --notify", run.Messages, StringComparison.Ordinal);
    }

    private static string WriteSnapshot(FakePools pools, params string[] lines)
    {
        var path = Path.Combine(pools.Scratch.FullName, "snapshot.jsonl");
        var body = string.Join('\n', ["{\"kind\":\"snapshot\",\"format\":1,\"userPoolId\":\"us-east-1_old\"}", .. lines]);
        var users = body.Split('\n').Count(l => l.Contains("\"kind\":\"user\"", StringComparison.Ordinal));
        if (!body.Contains("\"kind\":\"summary\"", StringComparison.Ordinal))
        {
            body += $"\n{{\"kind\":\"summary\",\"users\":{users}}}";
        }

        File.WriteAllText(path, body + "\n");
        return path;
    }
}
