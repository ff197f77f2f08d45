using System.Text.Json.Nodes;
using Trigger.Cli.Options;
using Trigger.Cli.Tests.Commands.Sweep.Support;

namespace Trigger.Cli.Tests.Commands.Sweep;

/// <summary>The dry run: what would be created and why the rest would be skipped, and nothing written to the new pool.</summary>
public sealed class DryRunTests
{
    [Fact]
    public async Task RunAsync_DryRun_ListsEachUserAndWritesNothingToTheNewPool()
    {
        await using var pools = await FakePools.StartAsync();
        await AdminSweepTests.SeedVariedAsync(pools);
        pools.Fake.ClearCalls();

        var run = await pools.SweepAsync(pools.Options(o => o with { DryRun = true, AssumeYes = false, Format = OutputFormat.Text }));

        Assert.Equal(1, run.ExitCode); // gus cannot be mapped
        Assert.Empty(pools.NewPoolCalls("AdminCreateUser"));
        Assert.Empty(pools.NewPoolCalls("AdminSetUserPassword"));
        Assert.DoesNotContain("[y/N]", run.Messages, StringComparison.Ordinal);
        Assert.Contains("would create ann", run.Output, StringComparison.Ordinal);
        Assert.Contains("already in the new pool: hal", run.Output, StringComparison.Ordinal);
        Assert.Contains("would skip ben: skipped UserDisabled (disabled in the old pool)", run.Output, StringComparison.Ordinal);
        Assert.Contains("would skip cat: skipped NoVerifiedContact", run.Output, StringComparison.Ordinal);
        Assert.Contains("would skip gus: unmappable DroppedAttributes (attributes the new pool's schema lacks: custom:tier", run.Output, StringComparison.Ordinal);
        var plan = (await File.ReadAllLinesAsync(Path.Combine(pools.WorkDirectory, "plan.jsonl"))).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(49, plan.Count);
        Assert.Equal(44, plan.Count(p => p["outcome"]!.GetValue<string>() == "would-create"));
        Assert.False(File.Exists(Path.Combine(pools.WorkDirectory, "checkpoint.json")));
        Assert.False(File.Exists(Path.Combine(pools.WorkDirectory, "journal.jsonl")));
    }

    [Fact]
    public async Task RunAsync_DryRunThenRealRun_RealRunStartsFromTheFirstUser()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(6);
        await pools.SweepAsync(pools.Options(o => o with { DryRun = true }));

        var run = await pools.SweepAsync(pools.Options());

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(6, JsonNode.Parse(run.Output)!["counts"]!["created"]!.GetValue<long>());
    }

    [Fact]
    public async Task RunAsync_DryRunAfterAFinishedSweep_ListsTheUsersAgainInsteadOfReprintingTheReport()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(4);
        await pools.SweepAsync(pools.Options());

        var run = await pools.SweepAsync(pools.Options(o => o with { DryRun = true, Format = OutputFormat.Text }));

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("already finished", run.Messages, StringComparison.Ordinal);
        Assert.Equal(4, File.ReadLines(Path.Combine(pools.WorkDirectory, "plan.jsonl")).Count(l => l.Contains("already-in-new-pool", StringComparison.Ordinal)));
    }
}
