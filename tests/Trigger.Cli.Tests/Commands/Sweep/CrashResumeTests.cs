using System.Text.Json.Nodes;
using Trigger.Cli.Commands.Sweep;
using Trigger.Cli.Tests.Commands.Sweep.Support;

namespace Trigger.Cli.Tests.Commands.Sweep;

/// <summary>
/// Killed at a random point (after a creation reached the pool, after a password step, in the middle of a
/// journal write, at a checkpoint write) or interrupted, then run again: no user lost, none created twice,
/// nobody left in FORCE_CHANGE_PASSWORD, the report and the id map counting each user once.
/// </summary>
public sealed class CrashResumeTests
{
    private const int Eligible = 120;
    private const int Disabled = 5;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    public async Task RunAsync_KilledAtARandomPointThenRerun_NoUserLostNoneCreatedTwice(int seed)
    {
        await using var pools = await SeedAsync();
        var random = new Random(seed);
        var crash = new CrashSwitch();
        using var interrupt = new CancellationTokenSource();
        var mode = seed % 5;
        var point = random.Next(1, Eligible - 10);
        var client = mode switch
        {
            0 => new CrashingCognito(pools.Client, crash, afterCreate: point),
            1 => new CrashingCognito(pools.Client, crash, afterSetPassword: point),
            4 => new CrashingCognito(pools.Client, crash, onCreated: n =>
            {
                if (n == point)
                {
                    interrupt.Cancel();
                }
            }),
            _ => new CrashingCognito(pools.Client, crash),
        };
        var files = mode switch
        {
            // Journal writes can carry several entries under concurrency, so the fault point stays among the first 12.
            2 => new FaultyFiles((name, n) => name == "journal.jsonl" && n == 1 + (point % 12), crash, tear: true),
            3 => new FaultyFiles((name, n) => name == "checkpoint.json" && n == 1 + (point % 12), crash),
            _ => new FaultyFiles((_, _) => false, crash),
        };
        var options = pools.Options(o => o with { Concurrency = 1 + random.Next(8) });
        var seams = new SweepSeams { Files = files, CheckpointEverySettled = 1 + random.Next(12) };

        var first = await pools.SweepAsync(options, seams, cancellationToken: interrupt.Token, client: client);
        var second = await pools.SweepAsync(options);

        Assert.True(crash.Tripped || interrupt.IsCancellationRequested, $"mode {mode}: the fault never fired; first run: {first.Messages}");
        Assert.Contains(first.ExitCode, new[] { 1, FakePools.Killed });
        Assert.True(second.ExitCode == 0, second.Messages + second.Output);
        await AssertEveryoneExactlyOnceAsync(pools, second);
    }

    [Fact]
    public async Task RunAsync_KilledTwiceInARow_ThirdRunCompletesExactlyOnce()
    {
        await using var pools = await SeedAsync();
        foreach (var point in new[] { 17, 9 })
        {
            var crash = new CrashSwitch();
            var run = await pools.SweepAsync(pools.Options(), new SweepSeams { Files = new FaultyFiles((_, _) => false, crash) }, client: new CrashingCognito(pools.Client, crash, afterCreate: point));
            Assert.Contains(run.ExitCode, new[] { 1, FakePools.Killed });
        }

        var last = await pools.SweepAsync(pools.Options());

        Assert.Equal(0, last.ExitCode);
        await AssertEveryoneExactlyOnceAsync(pools, last);
    }

    [Fact]
    public async Task RunAsync_CreatedButKilledBeforeThePasswordStep_FinishedOnResumeNotLeftInForceChangePassword()
    {
        await using var pools = await SeedAsync();
        var crash = new CrashSwitch();
        var first = await pools.SweepAsync(
            pools.Options(o => o with { Concurrency = 1 }),
            new SweepSeams { Files = new FaultyFiles((_, _) => false, crash) },
            client: new CrashingCognito(pools.Client, crash, afterCreate: 3));
        Assert.Contains(first.ExitCode, new[] { 1, FakePools.Killed });
        Assert.Contains(await pools.NewUsersAsync(), u => u.UserStatus == "FORCE_CHANGE_PASSWORD");

        var second = await pools.SweepAsync(pools.Options());

        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain(await pools.NewUsersAsync(), u => u.UserStatus == "FORCE_CHANGE_PASSWORD");
        var resumed = JsonNode.Parse(second.Output)!["reasons"]!.AsArray().Single(r => r!["reason"]!.GetValue<string>() == AdminStragglerCreator.ResumedAfterInterruption);
        Assert.Equal(1, resumed!["count"]!.GetValue<long>());
    }

    [Fact]
    public async Task RunAsync_ResumeFromSnapshot_StartsAfterTheCheckpointedLine()
    {
        await using var pools = await SeedAsync();
        var snapshot = Path.Combine(pools.Scratch.FullName, "old.jsonl");
        Assert.Equal(0, (await pools.ExportAsync(new Trigger.Cli.Commands.Export.ExportOptions { OldUserPoolId = pools.OldPoolId, OutputPath = snapshot, PagesPerSecond = 30 })).ExitCode);
        var options = pools.Options(o => o with { OldUserPoolId = null, SnapshotPath = snapshot, Concurrency = 1 });
        var crash = new CrashSwitch();
        await pools.SweepAsync(options, new SweepSeams { Files = new FaultyFiles((_, _) => false, crash), CheckpointEverySettled = 5 }, client: new CrashingCognito(pools.Client, crash, afterCreate: 60));
        var checkpoint = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(pools.WorkDirectory, "checkpoint.json")))!;
        var lookupsBefore = pools.NewPoolCalls("AdminGetUser").Count;

        var second = await pools.SweepAsync(options);

        Assert.Equal(0, second.ExitCode);
        Assert.True(checkpoint["resume"]!["byteOffset"]!.GetValue<long>() > 0);
        Assert.True(pools.NewPoolCalls("AdminGetUser").Count - lookupsBefore < Eligible - 40, "the resumed run looked up users it had settled before the checkpoint");
        await AssertEveryoneExactlyOnceAsync(pools, second);
    }

    private static async Task<FakePools> SeedAsync()
    {
        var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(Eligible);
        for (var i = 0; i < Disabled; i++)
        {
            await pools.SeedOldAsync($"off{i}", s => s with { Enabled = false });
        }

        var pages = 0;
        pools.Fake.ListUsersPageSize = _ => (Interlocked.Increment(ref pages) % 4) switch { 0 => 0, 1 => 13, 2 => 60, _ => 5 };
        pools.Fake.ClearCalls();
        return pools;
    }

    private static async Task AssertEveryoneExactlyOnceAsync(FakePools pools, RunResult last)
    {
        var users = await pools.NewUsersAsync();
        Assert.Equal(Eligible, users.Count);
        Assert.All(users, u => Assert.Equal("CONFIRMED", u.UserStatus));
        // A creation the killed run abandoned in flight may have reached the pool unanswered (HTTP 499 in the
        // fake's log): successes are at most one per user, and no creation ever met an existing user.
        var creations = pools.SuccessfulCreations();
        Assert.All(creations, c => Assert.True(c.Value == 1, $"{c.Key} was created {c.Value} times"));
        Assert.DoesNotContain(pools.NewPoolCalls("AdminCreateUser"), c => c.ErrorType == "UsernameExistsException");
        Assert.Equal(users.Select(u => u.Username).Order(StringComparer.Ordinal), Enumerable.Range(0, Eligible).Select(i => $"user{i:0000}"));

        var report = JsonNode.Parse(last.Output)!;
        Assert.Equal(Eligible + Disabled, report["total"]!.GetValue<long>());
        Assert.Equal(Eligible, report["counts"]!["created"]!.GetValue<long>());
        Assert.Equal(Disabled, report["counts"]!["skipped"]!.GetValue<long>());
        var idMap = (await File.ReadAllLinesAsync(Path.Combine(pools.WorkDirectory, "id-map.csv"))).Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(Eligible, idMap.Count);
        Assert.Equal(Eligible, idMap.Distinct(StringComparer.Ordinal).Count());
    }
}
