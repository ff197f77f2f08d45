using System.Text.Json.Nodes;
using Trigger.Aws.Cognito;
using Trigger.Cli.Commands.Export;
using Trigger.Cli.Commands.Sweep;
using Trigger.Cli.Tests.Commands.Sweep.Support;
using Trigger.Migration.Attributes;
using Trigger.Testing;
using Trigger.Testing.Decorators;

namespace Trigger.Cli.Tests.Commands.Sweep;

/// <summary>
/// The sweep tried as an attacker (or bad luck) would: a stranger holding an old user's name in the new
/// pool, a creation whose answer was lost, a resume after the trigger moved the user, a snapshot older
/// than the pool, two sweeps on one work directory. Reasons are spelled out as the report shows them.
/// </summary>
public sealed class IdentitySafetyTests
{
    [Fact]
    public async Task RunAsync_StrangerSignedUpWithAnOldUsername_NameTakenByAnotherUserNoIdMapRowExitOne()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedOldAsync("bob");
        await pools.SeedOldAsync("kim");
        await pools.SeedNewAsync("bob", s => s with { Email = "squatter@evil.example" });

        var run = await pools.SweepAsync(pools.Options());

        Assert.Equal(1, run.ExitCode);
        var report = JsonNode.Parse(run.Output)!;
        Assert.Equal(1, report["counts"]!["failed"]!.GetValue<long>());
        Assert.Null(report["counts"]!["already-in-new-pool"]);
        Assert.Equal("NameTakenByAnotherUser", report["reasons"]![0]!["reason"]!.GetValue<string>());
        var idMap = await File.ReadAllLinesAsync(Path.Combine(pools.WorkDirectory, "id-map.csv"));
        Assert.DoesNotContain(idMap, row => row.StartsWith("bob,", StringComparison.Ordinal));
        Assert.Contains(idMap, row => row.StartsWith("kim,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_StrangerWithTheVictimsEmailUnverified_NameTakenByAnotherUser()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedOldAsync("bob");
        await pools.SeedNewAsync("bob", s => s with { EmailVerified = false });

        var run = await pools.SweepAsync(pools.Options());

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("NameTakenByAnotherUser", JsonNode.Parse(run.Output)!["reasons"]![0]!["reason"]!.GetValue<string>());
        Assert.Single(await File.ReadAllLinesAsync(Path.Combine(pools.WorkDirectory, "id-map.csv")));
    }

    [Fact]
    public async Task RunAsync_NewUserCarriesAnotherOldUsersLegacySub_NameTakenByAnotherUser()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedOldAsync("bob");
        var mallory = await pools.SeedOldAsync("mallory");
        await pools.SeedNewAsync("bob", s => s with { Attributes = new Dictionary<string, string> { ["custom:legacy_sub"] = mallory["sub"]! } });

        var run = await pools.SweepAsync(pools.Options(o => o with { Attributes = new AttributeMappingOptions { LegacySubAttribute = "custom:legacy_sub" } }));

        Assert.Equal(1, run.ExitCode);
        var reasons = JsonNode.Parse(run.Output)!["reasons"]!.AsArray();
        Assert.Contains(reasons, r => r!["reason"]!.GetValue<string>() == "NameTakenByAnotherUser" && r["examples"]![0]!.GetValue<string>() == "bob");
    }

    [Fact]
    public async Task RunAsync_LegacySubWritableByAnAppClientAndCopiedByAStranger_NameTakenByAnotherUser()
    {
        // The old sub is in every ID token the old pool issued: a stranger who may write the attribute copies it.
        await using var pools = await FakePools.StartAsync();
        var bob = await pools.SeedOldAsync("bob");
        await pools.Admin.CreateAppClientAsync(pools.NewPoolId, new AppClientSpec("web") { WriteAttributes = ["email", "custom:legacy_sub"] });
        await pools.SeedNewAsync("bob", s => s with { Email = "mallory@example.com", Attributes = new Dictionary<string, string> { ["custom:legacy_sub"] = bob["sub"]! } });

        var run = await pools.SweepAsync(pools.Options(o => o with { Attributes = new AttributeMappingOptions { LegacySubAttribute = "custom:legacy_sub" } }));

        Assert.Equal(1, run.ExitCode);
        var reasons = JsonNode.Parse(run.Output)!["reasons"]!.AsArray();
        Assert.Contains(reasons, r => r!["reason"]!.GetValue<string>() == "NameTakenByAnotherUser" && r["examples"]![0]!.GetValue<string>() == "bob");
        Assert.Contains("may write custom:legacy_sub (web)", run.Messages, StringComparison.Ordinal);
        Assert.Single(await File.ReadAllLinesAsync(Path.Combine(pools.WorkDirectory, "id-map.csv"))); // the header alone
    }

    [Fact]
    public async Task RunAsync_TriggerMigratedUserWithItsLegacySub_AlreadyInNewPoolPairedInTheIdMap()
    {
        await using var pools = await FakePools.StartAsync();
        var bob = await pools.SeedOldAsync("bob");
        await pools.SeedNewAsync("bob", s => s with { Email = "bob@new.example", Attributes = new Dictionary<string, string> { ["custom:legacy_sub"] = bob["sub"]! } });

        var run = await pools.SweepAsync(pools.Options(o => o with { Attributes = new AttributeMappingOptions { LegacySubAttribute = "custom:legacy_sub" } }));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(1, JsonNode.Parse(run.Output)!["counts"]!["already-in-new-pool"]!.GetValue<long>());
        Assert.Contains($"bob,{bob["sub"]},bob,", await File.ReadAllTextAsync(Path.Combine(pools.WorkDirectory, "id-map.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UserSignedInAsUppercaseIntoACaseInsensitivePool_AlreadyInNewPool()
    {
        await using var pools = await FakePools.StartAsync(newPool: new PoolSpec("new") { UsernameCaseSensitive = false, Schema = [new SchemaAttributeSpec("tenant")] });
        var alice = await pools.SeedOldAsync("alice");
        await pools.SeedNewAsync("ALICE", s => s with { Email = "alice@example.com" });

        var run = await pools.SweepAsync(pools.Options());

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(1, JsonNode.Parse(run.Output)!["counts"]!["already-in-new-pool"]!.GetValue<long>());
        Assert.Contains($"alice,{alice["sub"]},ALICE,", await File.ReadAllTextAsync(Path.Combine(pools.WorkDirectory, "id-map.csv")), StringComparison.Ordinal);
    }

    // The trigger migrated Quinn from a case-insensitive new pool's folded "quinn": the sweep and the id map
    // pair the two, since the new pool takes them for one name.
    [Fact]
    public async Task RunAsync_MixedCaseOldUserFirstSignedInFoldedIntoACaseInsensitivePool_AlreadyInNewPoolAndPaired()
    {
        await using var pools = await FakePools.StartAsync(newPool: new PoolSpec("new") { UsernameCaseSensitive = false, Schema = [new SchemaAttributeSpec("tenant")] });
        var quinn = await pools.SeedOldAsync("Quinn", s => s with { Email = "quinn@example.com" });
        var migrated = await pools.SeedNewAsync("quinn", s => s with { Email = "quinn@example.com" });

        var run = await pools.SweepAsync(pools.Options());

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(1, JsonNode.Parse(run.Output)!["counts"]!["already-in-new-pool"]!.GetValue<long>());
        Assert.Contains($"Quinn,{quinn["sub"]},quinn,{migrated["sub"]}", await File.ReadAllTextAsync(Path.Combine(pools.WorkDirectory, "id-map.csv")), StringComparison.Ordinal);
    }

    // The attack: in a case-sensitive new pool a stranger took "quinn" (with the old Quinn's email, unverified
    // proofs aside). Ignoring case would pair the old Quinn's data with the stranger; the sweep creates Quinn.
    [Fact]
    public async Task RunAsync_CaseSensitiveNewPoolHoldsAnotherCase_NotPairedAndTheOldUserCreated()
    {
        await using var pools = await FakePools.StartAsync(newPool: new PoolSpec("new") { UsernameCaseSensitive = true, Schema = [new SchemaAttributeSpec("tenant"), new SchemaAttributeSpec("tier")] });
        var quinn = await pools.SeedOldAsync("Quinn", s => s with { Email = "quinn@example.com" });
        await pools.SeedNewAsync("quinn", s => s with { Email = "quinn@example.com" });

        var run = await pools.SweepAsync(pools.Options());

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(1, JsonNode.Parse(run.Output)!["counts"]!["created"]!.GetValue<long>());
        var idMap = await File.ReadAllTextAsync(Path.Combine(pools.WorkDirectory, "id-map.csv"));
        Assert.Contains($"Quinn,{quinn["sub"]},Quinn,", idMap, StringComparison.Ordinal);
        Assert.DoesNotContain(",quinn,", idMap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CreationAnswerLostAndTheRetryMeetsUsernameExists_PasswordStepDoneNotLeftInForceChangePassword()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(3);
        pools.Fake.Faults.LoseAnswerNext("AdminCreateUser", when: r => r["Username"]?.GetValue<string>() == "user0001");

        var run = await pools.SweepAsync(pools.Options());

        Assert.True(run.ExitCode == 0, run.Output + run.Messages);
        Assert.Contains(pools.NewPoolCalls("AdminCreateUser"), c => c.ErrorType == "UsernameExistsException");
        Assert.All(await pools.NewUsersAsync(), u => Assert.Equal("CONFIRMED", u.UserStatus));
        Assert.Equal(3, JsonNode.Parse(run.Output)!["counts"]!["created"]!.GetValue<long>());
    }

    [Fact]
    public async Task RunAsync_RestartAfterAKillBetweenCreationAndPasswordStep_UserStillGetsThePasswordStep()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(6);
        var crash = new CrashSwitch();
        var first = await pools.SweepAsync(
            pools.Options(o => o with { Concurrency = 1 }),
            new SweepSeams { Files = new FaultyFiles((_, _) => false, crash) },
            client: new CrashingCognito(pools.Client, crash, afterCreate: 2));
        Assert.Contains(first.ExitCode, new[] { 1, FakePools.Killed });
        Assert.Contains(await pools.NewUsersAsync(), u => u.UserStatus == "FORCE_CHANGE_PASSWORD");

        var second = await pools.SweepAsync(pools.Options(o => o with { Restart = true }));

        Assert.True(second.ExitCode == 0, second.Output + second.Messages);
        Assert.All(await pools.NewUsersAsync(), u => Assert.Equal("CONFIRMED", u.UserStatus));
        Assert.Equal(6, (await pools.NewUsersAsync()).Count);
    }

    [Fact]
    public async Task RunAsync_RestartDeclinedAtThePrompt_JournalLeftInPlaceAndNothingArchived()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(4);
        var crash = new CrashSwitch();
        var first = await pools.SweepAsync(
            pools.Options(o => o with { Concurrency = 1 }),
            new SweepSeams { Files = new FaultyFiles((_, _) => false, crash) },
            client: new KillBeforeCreate(pools.Client, crash, "user0002"));
        Assert.Contains(first.ExitCode, new[] { 1, FakePools.Killed });
        var journal = Path.Combine(pools.WorkDirectory, "journal.jsonl");
        var before = await File.ReadAllTextAsync(journal);

        var declined = await pools.SweepAsync(pools.Options(o => o with { Restart = true, AssumeYes = false }), input: "n\n");

        Assert.Equal(2, declined.ExitCode);
        Assert.Equal(before, await File.ReadAllTextAsync(journal));
        Assert.Empty(Directory.GetDirectories(pools.WorkDirectory, "previous-*"));
    }

    [Fact]
    public async Task RunAsync_RestartWithAnIntentInDoubt_NewJournalHoldsTheCarriedIntentOldOneArchivedWhole()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(4);
        var crash = new CrashSwitch();
        await pools.SweepAsync(
            pools.Options(o => o with { Concurrency = 1 }),
            new SweepSeams { Files = new FaultyFiles((_, _) => false, crash) },
            client: new KillBeforeCreate(pools.Client, crash, "user0002"));
        var journal = Path.Combine(pools.WorkDirectory, "journal.jsonl");
        var before = await File.ReadAllTextAsync(journal);

        var second = await pools.SweepAsync(pools.Options(o => o with { Restart = true }));

        Assert.True(second.ExitCode == 0, second.Output + second.Messages);
        var archived = Assert.Single(Directory.GetDirectories(pools.WorkDirectory, "previous-*"));
        Assert.Equal(before, await File.ReadAllTextAsync(Path.Combine(archived, "journal.jsonl")));
        var carried = JsonNode.Parse((await File.ReadAllLinesAsync(journal))[0])!;
        Assert.Equal("user0002", carried["user"]!.GetValue<string>());
        Assert.True(carried["carried"]!.GetValue<bool>());
        Assert.Empty(Directory.GetFiles(pools.WorkDirectory, "*.tmp"));
    }

    [Fact]
    public async Task RunAsync_RestartAfterThePasswordStepFailed_StuckUserFinishedNotCountedAlreadyInNewPool()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(3);
        pools.Fake.Faults.RespondNext("AdminSetUserPassword", 1, "InvalidParameterException", "refused", when: r => r["Username"]?.GetValue<string>() == "user0001");
        var first = await pools.SweepAsync(pools.Options());
        Assert.Equal(1, first.ExitCode);
        Assert.Equal("StuckInForceChangePassword", JsonNode.Parse(first.Output)!["reasons"]![0]!["reason"]!.GetValue<string>());
        Assert.Equal("FORCE_CHANGE_PASSWORD", (await pools.NewUserOrNullAsync("user0001"))!.UserStatus);

        var second = await pools.SweepAsync(pools.Options(o => o with { Restart = true }));

        Assert.True(second.ExitCode == 0, second.Output + second.Messages);
        Assert.Equal("CONFIRMED", (await pools.NewUserOrNullAsync("user0001"))!.UserStatus);
        var counts = JsonNode.Parse(second.Output)!["counts"]!;
        Assert.Equal(1, counts["created"]!.GetValue<long>());
        Assert.Equal(2, counts["already-in-new-pool"]!.GetValue<long>());
    }

    [Fact]
    public async Task RunAsync_NotifyResumeAfterTheTriggerMigratedAnInDoubtUser_NoResetCodeSentToThem()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(4);
        var crash = new CrashSwitch();

        // Killed with the intent for user0002 on disk and its creation never sent.
        var first = await pools.SweepAsync(
            pools.Options(o => o with { Notify = true, Concurrency = 1 }),
            new SweepSeams { Files = new FaultyFiles((_, _) => false, crash) },
            client: new KillBeforeCreate(pools.Client, crash, "user0002"));
        Assert.Contains(first.ExitCode, new[] { 1, FakePools.Killed });
        var journal = Path.Combine(pools.WorkDirectory, "journal.jsonl");
        Assert.Contains("\"e\":\"intent\"", (await File.ReadAllLinesAsync(journal)).Last(), StringComparison.Ordinal);

        // The stop was an hour ago; since then user0002 signed in and the trigger migrated them.
        await BackdateIntentsAsync(journal, TimeSpan.FromHours(1));
        await pools.SeedNewAsync("user0002");
        pools.Fake.ClearCalls();

        var second = await pools.SweepAsync(pools.Options(o => o with { Notify = true }));

        Assert.True(second.ExitCode == 0, second.Output + second.Messages);
        Assert.DoesNotContain(pools.NewPoolCalls("AdminResetUserPassword"), c => c.RequestSummary.Contains("user0002", StringComparison.Ordinal));
        Assert.Equal("CONFIRMED", (await pools.NewUserOrNullAsync("user0002"))!.UserStatus);
        Assert.Equal(1, JsonNode.Parse(second.Output)!["counts"]!["already-in-new-pool"]!.GetValue<long>());
        Assert.Equal("RESET_REQUIRED", (await pools.NewUserOrNullAsync("user0003"))!.UserStatus);
    }

    [Fact]
    public async Task RunAsync_NotifyAndTheTriggerMigratesTheUserJustBeforeOurCreation_NoResetCodeSentToThem()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(3);

        var run = await pools.SweepAsync(pools.Options(o => o with { Notify = true }), client: new TriggerWinsTheRace(pools, "user0001"));

        Assert.True(run.ExitCode == 0, run.Output + run.Messages);
        Assert.DoesNotContain(pools.NewPoolCalls("AdminResetUserPassword"), c => c.RequestSummary.Contains("user0001", StringComparison.Ordinal));
        Assert.Equal("CONFIRMED", (await pools.NewUserOrNullAsync("user0001"))!.UserStatus);
        Assert.Equal(1, JsonNode.Parse(run.Output)!["counts"]!["already-in-new-pool"]!.GetValue<long>());
    }

    [Fact]
    public async Task RunAsync_SnapshotUsersDeletedOrDisabledSinceTheExport_NotBroughtBack()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(4);
        var snapshot = await ExportAsync(pools);
        await pools.Admin.SendAsync("AdminDeleteUser", new JsonObject { ["UserPoolId"] = pools.OldPoolId, ["Username"] = "user0001" });
        await pools.Admin.SendAsync("AdminDisableUser", new JsonObject { ["UserPoolId"] = pools.OldPoolId, ["Username"] = "user0002" });
        pools.Fake.ClearCalls();

        var run = await pools.SweepAsync(pools.Options(o => o with { OldUserPoolId = null, SnapshotPath = snapshot }));

        Assert.True(run.ExitCode == 0, run.Output + run.Messages);
        Assert.Null(await pools.NewUserOrNullAsync("user0001"));
        Assert.Null(await pools.NewUserOrNullAsync("user0002"));
        Assert.NotNull(await pools.NewUserOrNullAsync("user0003"));
        var reasons = JsonNode.Parse(run.Output)!["reasons"]!.AsArray().Select(r => r!["reason"]!.GetValue<string>()).ToList();
        Assert.Contains("GoneFromOldPool", reasons);
        Assert.Contains("UserDisabled", reasons);
        Assert.Equal(4, pools.Fake.CallsTo("AdminGetUser").Count(c => JsonNode.Parse(c.RequestSummary)!["UserPoolId"]!.GetValue<string>() == pools.OldPoolId));
    }

    [Fact]
    public async Task RunAsync_SnapshotEmailChangedSinceTheExport_ProofUsesTheOldPoolAsItIsNow()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedOldAsync("bob", s => s with { Email = "bob@example.com" });
        var snapshot = await ExportAsync(pools);
        await pools.Admin.SendAsync("AdminDeleteUser", new JsonObject { ["UserPoolId"] = pools.OldPoolId, ["Username"] = "bob" });
        await pools.SeedOldAsync("bob", s => s with { Email = "bob@elsewhere.example" });
        await pools.SeedNewAsync("bob", s => s with { Email = "bob@example.com" });

        var run = await pools.SweepAsync(pools.Options(o => o with { OldUserPoolId = null, SnapshotPath = snapshot }));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("NameTakenByAnotherUser", JsonNode.Parse(run.Output)!["reasons"]![0]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_SnapshotOfAPoolThatIsGone_RefusedUnlessTrusted()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(2);
        var snapshot = await ExportAsync(pools);
        await File.WriteAllTextAsync(snapshot, (await File.ReadAllTextAsync(snapshot)).Replace(pools.OldPoolId, "us-east-1_Gone", StringComparison.Ordinal));

        var refused = await pools.SweepAsync(pools.Options(o => o with { OldUserPoolId = null, SnapshotPath = snapshot }));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--trust-snapshot", refused.Messages, StringComparison.Ordinal);
        Assert.Empty(await pools.NewUsersAsync());

        var trusted = await pools.SweepAsync(pools.Options(o => o with { OldUserPoolId = null, SnapshotPath = snapshot, TrustSnapshot = true }));

        Assert.True(trusted.ExitCode == 0, trusted.Output + trusted.Messages);
        Assert.Equal(2, (await pools.NewUsersAsync()).Count);
    }

    [Fact]
    public async Task RunAsync_SecondSweepOnAWorkDirectoryInUse_RefusedNamingTheHolder()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(3);
        await using var gate = new CreationGate(pools.Client);
        var first = pools.SweepAsync(pools.Options(o => o with { Concurrency = 1 }), client: gate);
        await gate.Entered.Task.WaitAsync(TimeSpan.FromMinutes(2));

        var second = await pools.SweepAsync(pools.Options());

        gate.Release();
        var firstDone = await first;
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("another sweep is running", second.Messages, StringComparison.Ordinal);
        Assert.Contains($"process {Environment.ProcessId}", second.Messages, StringComparison.Ordinal);
        Assert.True(firstDone.ExitCode == 0, firstDone.Output + firstDone.Messages);
        Assert.All(pools.SuccessfulCreations().Values, count => Assert.Equal(1, count));
        Assert.Equal(3, pools.SuccessfulCreations().Count);
    }

    private static async Task<string> ExportAsync(FakePools pools)
    {
        var snapshot = Path.Combine(pools.Scratch.FullName, "old.jsonl");
        var export = await pools.ExportAsync(new ExportOptions { OldUserPoolId = pools.OldPoolId, OutputPath = snapshot, PagesPerSecond = 30 });
        Assert.Equal(0, export.ExitCode);
        return snapshot;
    }

    private static async Task BackdateIntentsAsync(string journal, TimeSpan by)
    {
        var lines = new List<string>();
        foreach (var line in await File.ReadAllLinesAsync(journal))
        {
            var entry = JsonNode.Parse(line)!.AsObject();
            if (entry["e"]!.GetValue<string>() == "intent" && entry["at"] is { } at)
            {
                entry["at"] = at.GetValue<DateTimeOffset>() - by;
            }

            lines.Add(entry.ToJsonString());
        }

        await File.WriteAllLinesAsync(journal, lines);
    }

    /// <summary>Dies (a simulated kill -9) just before the creation of one user is sent.</summary>
    private sealed class KillBeforeCreate(ICognitoIdentityProvider inner, CrashSwitch crash, string username) : ForwardingCognito(inner)
    {
        public override Task<AdminCreateUserResponse> AdminCreateUserAsync(AdminCreateUserRequest request, CancellationToken cancellationToken = default)
        {
            if (crash.Tripped || request.Username == username)
            {
                crash.Trip();
                throw new SimulatedCrashException();
            }

            return base.AdminCreateUserAsync(request, cancellationToken);
        }
    }

    /// <summary>The trigger migrates one user (CONFIRMED) between the sweep's look-up and its creation.</summary>
    private sealed class TriggerWinsTheRace(FakePools pools, string username) : ForwardingCognito(pools.Client)
    {
        public override async Task<AdminCreateUserResponse> AdminCreateUserAsync(AdminCreateUserRequest request, CancellationToken cancellationToken = default)
        {
            if (request.Username == username)
            {
                await pools.SeedNewAsync(username);
            }

            return await base.AdminCreateUserAsync(request, cancellationToken);
        }
    }

    /// <summary>Holds every creation until released, and says when the first one arrived.</summary>
    private sealed class CreationGate(ICognitoIdentityProvider inner) : ForwardingCognito(inner), IAsyncDisposable
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _open.TrySetResult();

        public override async Task<AdminCreateUserResponse> AdminCreateUserAsync(AdminCreateUserRequest request, CancellationToken cancellationToken = default)
        {
            Entered.TrySetResult();
            await _open.Task.WaitAsync(cancellationToken);
            return await base.AdminCreateUserAsync(request, cancellationToken);
        }

        public ValueTask DisposeAsync()
        {
            Release();
            return ValueTask.CompletedTask;
        }
    }
}
