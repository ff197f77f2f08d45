using System.Text.Json.Nodes;
using Trigger.Cli.Export;
using Trigger.Cli.Sweep;
using Trigger.Cli.Tests.Sweep.Support;

namespace Trigger.Cli.Tests.Sweep;

/// <summary>The two commands' options reach the engines; bad values are usage errors naming the option.</summary>
public sealed class CommandTests
{
    [Fact]
    public async Task Sweep_CommandLine_SweepsWithTheGivenOptions()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(3);
        var console = Console();

        var code = await SweepCommand.Create(_ => pools.Client, console: console).Parse(
        [
            "--old-pool-id", pools.OldPoolId, "--new-pool-id", pools.NewPoolId, "--yes", "--work-dir", pools.WorkDirectory,
            "--rate", "500", "--read-rate", "500", "--password-rate", "500", "--list-rate", "30", "--output", "json",
            "--attribute-renames", "custom:tier=custom:tenant", "--legacy-sub-attribute", "custom:legacy_sub",
        ]).InvokeAsync();

        Assert.True(code == 0, console.Messages.ToString());
        Assert.Equal(3, JsonNode.Parse(console.Output.ToString()!)!["counts"]!["created"]!.GetValue<long>());
        Assert.NotNull((await pools.NewUserOrNullAsync("user0001"))!["custom:legacy_sub"]);
    }

    [Theory]
    [InlineData("--attribute-renames", "nonsense", "--attribute-renames")]
    [InlineData("--new-custom-attributes", "tenant", "--new-custom-attributes")]
    [InlineData("--new-endpoint-url", "not a url", "--new-endpoint-url")]
    public async Task Sweep_BadOptionValue_ExitTwoNamingTheOption(string option, string value, string named)
    {
        var console = Console();

        var code = await SweepCommand.Create(_ => throw new InvalidOperationException("no client should be built"), console: console).Parse(
            ["--old-pool-id", "us-east-1_Old", "--new-pool-id", "us-east-1_New", option, value]).InvokeAsync();

        Assert.Equal(2, code);
        Assert.Contains(named, console.Messages.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_CommandLine_WritesTheSnapshot()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(2);
        var file = Path.Combine(pools.Scratch.FullName, "old.jsonl");
        var console = Console();

        var code = await ExportCommand.Create(_ => pools.Client, console: console).Parse(
            ["--old-pool-id", pools.OldPoolId, "--file", file, "--rate", "30", "--output", "json"]).InvokeAsync();

        Assert.Equal(0, code);
        Assert.Equal(2, JsonNode.Parse(console.Output.ToString()!)!["users"]!.GetValue<long>());
        Assert.True(File.Exists(file));
    }

    [Fact]
    public void PoolConnection_NoRegion_TakesThePoolIdsPrefix()
    {
        Assert.Equal("eu-west-1", new PoolConnection("eu-west-1_AbC123", null, null).ResolvedRegion);
        Assert.Equal("us-east-2", new PoolConnection("eu-west-1_AbC123", "us-east-2", null).ResolvedRegion);
    }

    private static CommandConsole Console() => new(new StringWriter(), new StringWriter(), new StringReader(string.Empty), Interactive: false);
}
