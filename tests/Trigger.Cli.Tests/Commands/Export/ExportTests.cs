using System.Text.Json.Nodes;
using Trigger.Cli.Options;
using Trigger.Cli.Commands.Export;
using Trigger.Cli.Tests.Commands.Sweep.Support;
using Trigger.Testing;

namespace Trigger.Cli.Tests.Commands.Export;

/// <summary>The export against the fake: short pages, throttling, interruption and resume, a full disk, an unknown pool.</summary>
public sealed class ExportTests
{
    [Fact]
    public async Task RunAsync_ShortAndEmptyPages_EveryUserOnceThenSummary()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedOldAsync("ann", s => s with { PhoneNumber = "+15555550100", Attributes = new Dictionary<string, string> { ["custom:tenant"] = "acme, inc", ["given_name"] = "Ann" } });
        await pools.SeedOldAsync("ben", s => s with { Enabled = false, Status = SeededUserStatus.ForceChangePassword });
        await pools.SeedManyOldAsync(150);
        var pages = 0;
        pools.Fake.ListUsersPageSize = _ => (Interlocked.Increment(ref pages) % 3) switch { 0 => 0, 1 => 11, _ => 60 };
        var path = Path.Combine(pools.Scratch.FullName, "old.jsonl");

        var run = await pools.ExportAsync(Options(pools, path));

        Assert.Equal(0, run.ExitCode);
        var lines = (await File.ReadAllLinesAsync(path)).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal("snapshot", lines[0]["kind"]!.GetValue<string>());
        Assert.Equal(pools.OldPoolId, lines[0]["userPoolId"]!.GetValue<string>());
        Assert.Equal("summary", lines[^1]["kind"]!.GetValue<string>());
        Assert.Equal(152, lines[^1]["users"]!.GetValue<long>());
        var users = lines.Skip(1).SkipLast(1).ToList();
        Assert.Equal(152, users.Select(u => u["username"]!.GetValue<string>()).Distinct().Count());
        var ann = users.Single(u => u["username"]!.GetValue<string>() == "ann");
        Assert.Equal("acme, inc", ann["attributes"]!["custom:tenant"]!.GetValue<string>());
        Assert.Equal("+15555550100", ann["attributes"]!["phone_number"]!.GetValue<string>());
        Assert.NotNull(ann["attributes"]!["sub"]);
        Assert.Equal("CONFIRMED", ann["status"]!.GetValue<string>());
        Assert.NotNull(ann["created"]);
        Assert.NotNull(ann["modified"]);
        var ben = users.Single(u => u["username"]!.GetValue<string>() == "ben");
        Assert.False(ben["enabled"]!.GetValue<bool>());
        Assert.Equal("FORCE_CHANGE_PASSWORD", ben["status"]!.GetValue<string>());
        Assert.False(File.Exists(path + ".partial"));
        Assert.False(File.Exists(path + ".checkpoint"));
        Assert.Contains("Exported 152 users", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MfaDetails_ReadsEachUsersMfaSettings()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedOldAsync("ann", s => s with { PhoneNumber = "+15555550100" });
        pools.Fake.SetSignInChallenge(pools.OldPoolId, "ann", "SMS_MFA");
        var path = Path.Combine(pools.Scratch.FullName, "old.jsonl");

        var run = await pools.ExportAsync(Options(pools, path) with { MfaDetails = true });

        Assert.Equal(0, run.ExitCode);
        var ann = JsonNode.Parse((await File.ReadAllLinesAsync(path))[1])!;
        Assert.Equal("SMS_MFA", ann["preferredMfa"]!.GetValue<string>());
        Assert.Equal("SMS_MFA", ann["mfaSettings"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_StoppedMidwayThenRerun_ResumesAfterTheLastCompletePage()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(200);
        pools.Fake.ListUsersPageSize = _ => 25;
        pools.Fake.ClearCalls();
        var listed = 0;
        pools.Fake.Faults.FailNext("ListUsers", times: 50, when: _ => Interlocked.Increment(ref listed) > 3);
        var path = Path.Combine(pools.Scratch.FullName, "old.jsonl");
        var fragile = FakePools.CreateClient(pools.Fake.Endpoint, retries: 1);

        var stopped = await pools.ExportAsync(Options(pools, path), client: fragile);

        Assert.Equal(1, stopped.ExitCode);
        Assert.Contains("run the same command again to resume", stopped.Messages, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        Assert.Equal(75, JsonNode.Parse(await File.ReadAllTextAsync(path + ".checkpoint"))!["users"]!.GetValue<long>());
        pools.Fake.Faults.Clear();
        pools.Fake.ClearCalls();

        var resumed = await pools.ExportAsync(Options(pools, path));

        Assert.Equal(0, resumed.ExitCode);
        Assert.DoesNotContain(pools.Fake.CallsTo("ListUsers"), c => JsonNode.Parse(c.RequestSummary)!["PaginationToken"] is null);
        var users = (await File.ReadAllLinesAsync(path)).Select(l => JsonNode.Parse(l)!).Where(l => l["kind"]!.GetValue<string>() == "user").ToList();
        Assert.Equal(200, users.Count);
        Assert.Equal(200, users.Select(u => u["username"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task RunAsync_DiskFullForTheCheckpoint_StopsKeepingTheLastCheckpointThenResumes()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(130);
        var path = Path.Combine(pools.Scratch.FullName, "old.jsonl");
        var files = new FaultyFiles((name, n) => name.EndsWith(".checkpoint", StringComparison.Ordinal) && n == 3);

        var stopped = await pools.ExportAsync(Options(pools, path), files);

        Assert.Equal(1, stopped.ExitCode);
        Assert.Contains("No space left on device", stopped.Messages, StringComparison.Ordinal);
        Assert.Equal(60, JsonNode.Parse(await File.ReadAllTextAsync(path + ".checkpoint"))!["users"]!.GetValue<long>());
        Assert.False(File.Exists(path));

        var resumed = await pools.ExportAsync(Options(pools, path));

        Assert.Equal(0, resumed.ExitCode);
        var users = (await File.ReadAllLinesAsync(path)).Count(l => l.Contains("\"kind\":\"user\"", StringComparison.Ordinal));
        Assert.Equal(130, users);
    }

    [Fact]
    public async Task RunAsync_ThrottlingBursts_AbsorbedByTheRetries()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(70);
        pools.Fake.Faults.ThrottleNext("ListUsers", 4);
        var path = Path.Combine(pools.Scratch.FullName, "old.jsonl");

        var run = await pools.ExportAsync(Options(pools, path));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(4, pools.Fake.CallsTo("ListUsers").Count(c => c.ErrorType == "TooManyRequestsException"));
    }

    [Fact]
    public async Task RunAsync_UnknownPool_ClearMessageNothingWritten()
    {
        await using var pools = await FakePools.StartAsync();
        var path = Path.Combine(pools.Scratch.FullName, "old.jsonl");

        var run = await pools.ExportAsync(new ExportOptions { OldUserPoolId = "us-east-1_Nowhere1", OutputPath = path });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the old pool 'us-east-1_Nowhere1' does not exist", run.Messages, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(pools.Scratch.FullName));
    }

    [Fact]
    public async Task RunAsync_FileExists_RefusedUnlessOverwrite()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(1);
        var path = Path.Combine(pools.Scratch.FullName, "old.jsonl");
        await File.WriteAllTextAsync(path, "keep me");

        var refused = await pools.ExportAsync(Options(pools, path));
        var replaced = await pools.ExportAsync(Options(pools, path) with { Overwrite = true, Format = OutputFormat.Json });

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--overwrite", refused.Messages, StringComparison.Ordinal);
        Assert.Equal(0, replaced.ExitCode);
        Assert.Equal(1, JsonNode.Parse(replaced.Output)!["users"]!.GetValue<long>());
    }

    [Fact]
    public async Task RunAsync_PacedPages_NeverAboveTheRateOnTheFakesQuota()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(60);
        pools.Fake.ListUsersPageSize = _ => 4;
        pools.Fake.Faults.SetQuota("ListUsers", 10);
        var path = Path.Combine(pools.Scratch.FullName, "old.jsonl");

        var run = await pools.ExportAsync(Options(pools, path) with { PagesPerSecond = 7 });

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(pools.Fake.CallsTo("ListUsers"), c => c.ErrorType == "TooManyRequestsException");
    }

    private static ExportOptions Options(FakePools pools, string path) => new()
    {
        OldUserPoolId = pools.OldPoolId,
        OutputPath = path,
        PagesPerSecond = 30,
        ReadsPerSecond = 120,
        ProgressInterval = TimeSpan.FromHours(1),
    };
}
