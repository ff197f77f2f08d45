using System.Text.Json.Nodes;
using Trigger.Cli.Tests.Support;
using Trigger.Testing;

namespace Trigger.Cli.Tests.Commands.Status;

/// <summary><c>status</c> against the fake (short ListUsers pages, a call log) and a checkpoint file on disk.</summary>
public sealed class StatusCommandTests(FakeCognitoFixture world) : IClassFixture<FakeCognitoFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cli-status-").FullName;

    [Fact]
    public async Task Status_Exact_CountsMigratedAndRemainingOldUsersAcrossShortPages()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin);
        foreach (var name in new[] { "Ann", "bob", "cy", "dee" })
        {
            await world.Admin.CreateUserAsync(pair.OldPoolId, new UserSpec(name, TestPools.Password));
        }

        foreach (var name in new[] { "ann", "bob", "newcomer" })
        {
            await world.Admin.CreateUserAsync(pair.NewPoolId, new UserSpec(name, TestPools.Password));
        }

        world.Fake.ListUsersPageSize = _ => 1;
        try
        {
            var result = await CliRunner.RunAsync(pair.Args("status", "--exact", "--output", "json"));

            Assert.True(result.ExitCode == 0, result.ToString());
            var exact = JsonNode.Parse(result.Out)!["exact"]!;
            Assert.Equal(4, exact["oldUsers"]!.GetValue<long>());
            Assert.Equal(3, exact["newUsers"]!.GetValue<long>());
            // The new pool is case-insensitive: Ann (old) is ann (new).
            Assert.Equal(2, exact["migrated"]!.GetValue<long>());
            Assert.Equal(2, exact["remaining"]!.GetValue<long>());
            Assert.Equal(1, exact["onlyInNewPool"]!.GetValue<long>());
            Assert.True(world.Fake.CallsTo("ListUsers").Count(c => c.RequestSummary.Contains(pair.OldPoolId, StringComparison.Ordinal)) >= 4);
        }
        finally
        {
            world.Fake.ListUsersPageSize = null;
        }
    }

    // A case-insensitive pool folds to lowercase: the old "\u212Aim" (KELVIN SIGN) is the new "kim", which a
    // comparison that upper-cases (OrdinalIgnoreCase) would count as one remaining and one only in the new pool.
    [Fact]
    public async Task Status_Exact_MatchesNamesTheWayTheCaseInsensitiveNewPoolFoldsThem()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin);
        await world.Admin.CreateUserAsync(pair.OldPoolId, new UserSpec("\u212Aim", TestPools.Password));
        await world.Admin.CreateUserAsync(pair.NewPoolId, new UserSpec("kim", TestPools.Password));

        var result = await CliRunner.RunAsync(pair.Args("status", "--exact", "--output", "json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var exact = JsonNode.Parse(result.Out)!["exact"]!;
        Assert.Equal(1, exact["migrated"]!.GetValue<long>());
        Assert.Equal(0, exact["onlyInNewPool"]!.GetValue<long>());
    }

    [Fact]
    public async Task Status_WithoutExact_ShowsEstimatesAndTheTriggersWithoutListingUsers()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin, newPool: p => p["LambdaConfig"] = new JsonObject { ["UserMigration"] = TestPools.FunctionArn });
        await world.Admin.CreateUserAsync(pair.OldPoolId, new UserSpec("ann", TestPools.Password));

        var result = await CliRunner.RunAsync(pair.Args("status"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("attached: " + TestPools.FunctionArn, result.Out, StringComparison.Ordinal);
        Assert.Contains("PreSignUp trigger", result.Out, StringComparison.Ordinal);
        Assert.Contains("old 1, new 0", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Users (exact)", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Fake.CallsTo("ListUsers"), c => c.RequestSummary.Contains(pair.OldPoolId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_JsonCheckpoint_ShowsItsTopLevelScalarFieldsOnly()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin);
        var checkpoint = Path.Combine(_directory, "sweep.json");
        await File.WriteAllTextAsync(checkpoint, """
            {"startedAt":"2025-01-02T03:04:05Z","created":120,"lastUsername":"bob","finished":false,"failures":[{"username":"x"}],"pools":{"old":"a"}}
            """);

        var text = await CliRunner.RunAsync(pair.Args("status", "--checkpoint", checkpoint));
        var json = await CliRunner.RunAsync(pair.Args("status", "--checkpoint", checkpoint, "--output", "json"));

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains($"Last sweep checkpoint ({checkpoint}):", text.Out, StringComparison.Ordinal);
        Assert.Contains("  created: 120", text.Out, StringComparison.Ordinal);
        Assert.Contains("  lastUsername: bob", text.Out, StringComparison.Ordinal);
        Assert.Contains("  finished: false", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("failures", text.Out, StringComparison.Ordinal);
        var fields = JsonNode.Parse(json.Out)!["checkpoint"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>());
        Assert.Equal(["startedAt", "created", "lastUsername", "finished"], fields);
    }

    [Fact]
    public async Task Status_CheckpointThatIsMissingOrNotJson_SaysSoAndStillExitsZero()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin);
        var broken = Path.Combine(_directory, "broken.json");
        await File.WriteAllTextAsync(broken, "created=12");

        var missing = await CliRunner.RunAsync(pair.Args("status", "--checkpoint", Path.Combine(_directory, "none.json")));
        var notJson = await CliRunner.RunAsync(pair.Args("status", "--checkpoint", broken));

        Assert.True(missing.ExitCode == 0, missing.ToString());
        Assert.Contains("No sweep checkpoint at", missing.Out, StringComparison.Ordinal);
        Assert.True(notJson.ExitCode == 0, notJson.ToString());
        Assert.Contains("is not a JSON object; not shown", notJson.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_UnknownOldPool_ExitsOneNamingIt()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin);

        var result = await CliRunner.RunAsync(
            "status", "--old-pool-id", "eu-west-1_Nope", "--new-pool-id", pair.NewPoolId,
            "--old-endpoint-url", world.Endpoint.ToString(), "--new-endpoint-url", world.Endpoint.ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The old pool eu-west-1_Nope was not found in region eu-west-1", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
