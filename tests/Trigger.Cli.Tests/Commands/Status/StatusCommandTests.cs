using System.Text.Json.Nodes;
using Trigger.Cli.Commands.Sweep;
using Trigger.Cli.Files;
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
        // Written by the sweep's own writer, as a sweep stopped after 120 users leaves it.
        var workspace = new SweepWorkspace(_directory);
        await workspace.WriteCheckpointAsync(DurableFiles.Instance, new SweepCheckpoint
        {
            Source = $"pool:{pair.OldPoolId}",
            NewUserPoolId = pair.NewPoolId,
            Strategy = "admin",
            Resume = new SourcePosition { Sequence = 120, PageToken = "page-3", Skip = 0 },
            StartedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2025, 1, 2, 3, 9, 5, TimeSpan.Zero),
        });
        var checkpoint = workspace.CheckpointPath;

        var text = await CliRunner.RunAsync(pair.Args("status", "--checkpoint", checkpoint));
        var json = await CliRunner.RunAsync(pair.Args("status", "--checkpoint", checkpoint, "--output", "json"));

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains($"Last sweep checkpoint ({checkpoint}):", text.Out, StringComparison.Ordinal);
        Assert.Contains($"  source: pool:{pair.OldPoolId}", text.Out, StringComparison.Ordinal);
        Assert.Contains("  strategy: admin", text.Out, StringComparison.Ordinal);
        Assert.Contains("  listingComplete: false", text.Out, StringComparison.Ordinal);
        Assert.Contains("  startedAt: 2025-01-02T03:04:05+00:00", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("resume", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("page-3", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("parts", text.Out, StringComparison.Ordinal);
        var fields = JsonNode.Parse(json.Out)!["checkpoint"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>());
        Assert.Equal(["version", "source", "newUserPoolId", "strategy", "notify", "journalBytes", "listingComplete", "startedAt", "updatedAt"], fields);
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
        Assert.Contains($"{broken} is not a readable sweep checkpoint", notJson.Out, StringComparison.Ordinal);
        Assert.Contains("; not shown", notJson.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_JsonObjectThatIsNotASweepCheckpoint_SaysSoAndShowsNoField()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin);
        var stranger = Path.Combine(_directory, "stranger.json");
        await File.WriteAllTextAsync(stranger, """{"startedAt":"2025-01-02T03:04:05Z","created":120,"lastUsername":"bob"}""");

        var result = await CliRunner.RunAsync(pair.Args("status", "--checkpoint", stranger));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{stranger} is not a readable sweep checkpoint", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("lastUsername", result.Out, StringComparison.Ordinal);
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
