using System.Text.Json.Nodes;
using Trigger.Aws.Cognito;
using Trigger.Cli.Tests.Commands.Sweep.Support;

namespace Trigger.Cli.Tests.Commands.Sync;

/// <summary>
/// <c>sync</c> against the fake: a primary changed between passes, the standby brought level each time; the
/// verification-flag rule; a stranger holding a name; --delete-missing; short and empty pages; throttling;
/// a kill after a write, then the same command again.
/// </summary>
public sealed class SyncOnFakeTests
{
    [Fact]
    public async Task RunAsync_PrimaryChangedBetweenPasses_CreatesUpdatesMirrorsEnabledAndDisablesTheMissing()
    {
        await using var pools = await FakePools.StartAsync();
        foreach (var name in new[] { "ann", "bob", "cat", "dan", "gone" })
        {
            await pools.SeedOldAsync(name, s => s with { Attributes = new Dictionary<string, string> { ["given_name"] = name } });
        }

        var first = await pools.SyncAsync(pools.SyncSettings());
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(5, first.Count("created"));
        Assert.Equal(5, (await pools.NewUsersAsync()).Count);

        await pools.SetPrimaryAttributesAsync("bob", ("given_name", "Robert"));
        await pools.PrimaryAsync("AdminDisableUser", "cat");
        await pools.PrimaryAsync("AdminDeleteUser", "gone");
        await pools.SeedOldAsync("eve");

        var second = await pools.SyncAsync(pools.SyncSettings());

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(1, second.Count("created"));
        Assert.Equal(1, second.Count("updated"));
        Assert.Equal(1, second.Count("disabled"));
        Assert.Equal(1, second.Count("disabled-missing"));
        Assert.Equal(2, second.Report()["unchanged"]!.GetValue<long>());
        Assert.Equal("Robert", (await pools.NewUserOrNullAsync("bob"))!.Attributes["given_name"]);
        Assert.False((await pools.NewUserOrNullAsync("cat"))!.Enabled);
        Assert.False((await pools.NewUserOrNullAsync("gone"))!.Enabled);
        Assert.NotNull(await pools.NewUserOrNullAsync("eve"));

        await pools.PrimaryAsync("AdminEnableUser", "cat");
        var third = await pools.SyncAsync(pools.SyncSettings());

        Assert.Equal(0, third.ExitCode);
        Assert.Equal(1, third.Count("enabled"));
        Assert.Equal(["enabled"], third.Report()["counts"]!.AsObject().Select(c => c.Key));
        Assert.True((await pools.NewUserOrNullAsync("cat"))!.Enabled);
        Assert.True(File.Exists(Path.Combine(pools.SyncSettings().WorkDirectory!, "last-sync.json")));
    }

    [Fact]
    public async Task RunAsync_NothingChanged_NoWriteAndNoStandbyRead()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(7);
        Assert.Equal(0, (await pools.SyncAsync(pools.SyncSettings())).ExitCode);
        pools.Fake.ClearCalls();

        var again = await pools.SyncAsync(pools.SyncSettings());

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(7, again.Report()["unchanged"]!.GetValue<long>());
        Assert.Empty(again.Report()["counts"]!.AsObject());

        // Unchanged users cost no AdminGetUser on the standby (a monthly active user each) and no write.
        Assert.Empty(pools.NewPoolCalls("AdminGetUser"));
        Assert.Empty(pools.NewPoolCalls("AdminUpdateUserAttributes"));
        Assert.Empty(pools.NewPoolCalls("AdminSetUserPassword"));
    }

    [Fact]
    public async Task RunAsync_EmailChangedAndVerifiedInPrimary_StandbyGetsTheAddressVerified()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedOldAsync("ann");
        var options = pools.SyncSettings(o => o with { Attributes = new() { LegacySubAttribute = "custom:legacy_sub" } });
        Assert.Equal(0, (await pools.SyncAsync(options)).ExitCode);
        await pools.SetPrimaryAttributesAsync("ann", ("email", "ann@new.example"), ("email_verified", "true"));

        var run = await pools.SyncAsync(options);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, run.Count("updated"));
        var standby = (await pools.NewUserOrNullAsync("ann"))!;
        Assert.Equal("ann@new.example", standby.Attributes["email"]);
        Assert.Equal("true", standby.Attributes["email_verified"]);
    }

    [Fact]
    public async Task RunAsync_EmailChangedButUnverifiedInPrimary_AddressWrittenWithoutAVerifiedFlag()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedOldAsync("ann", s => s with { PhoneNumber = "+15550000001" });
        Assert.Equal(0, (await pools.SyncAsync(pools.SyncSettings())).ExitCode);

        // The primary marks a changed address unverified; the sync has nothing to vouch with.
        await pools.SetPrimaryAttributesAsync("ann", ("email", "ann@new.example"));
        pools.Fake.ClearCalls();

        var run = await pools.SyncAsync(pools.SyncSettings());

        Assert.Equal(0, run.ExitCode);
        var update = Assert.Single(pools.NewPoolCalls("AdminUpdateUserAttributes"));
        Assert.DoesNotContain("email_verified", update.RequestSummary, StringComparison.Ordinal);
        var standby = (await pools.NewUserOrNullAsync("ann"))!;
        Assert.Equal("ann@new.example", standby.Attributes["email"]);
        Assert.Equal("false", standby.Attributes["email_verified"]);
    }

    [Fact]
    public async Task RunAsync_StandbyNameHeldByAnotherPerson_NotChangedReportedAndExit1()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedOldAsync("victim", s => s with { Attributes = new Dictionary<string, string> { ["given_name"] = "V" } });
        await pools.SeedNewAsync("victim", s => s with { Email = "squatter@evil.example" });

        var run = await pools.SyncAsync(pools.SyncSettings());

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(1, run.Count("failed"));
        Assert.Contains("NameTakenByAnotherUser", run.Output, StringComparison.Ordinal);
        var standby = (await pools.NewUserOrNullAsync("victim"))!;
        Assert.Equal("squatter@evil.example", standby.Attributes["email"]);
        Assert.False(standby.Attributes.ContainsKey("given_name"));
        Assert.Empty(pools.NewPoolCalls("AdminUpdateUserAttributes"));
    }

    [Fact]
    public async Task RunAsync_DeleteMissingNotConfirmed_RefusedNothingWritten()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedNewAsync("orphan");

        var run = await pools.SyncAsync(pools.SyncSettings(o => o with { DeleteMissing = true }), input: "n\n");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not confirmed", run.Messages, StringComparison.Ordinal);
        Assert.True((await pools.NewUserOrNullAsync("orphan"))!.Enabled);
        Assert.False(Directory.Exists(pools.SyncSettings().WorkDirectory));
    }

    [Fact]
    public async Task RunAsync_DeleteMissingConfirmed_DeletesOnlyUsersTheStandbyHasAndThePrimaryLacks()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedOldAsync("kept");
        await pools.SeedNewAsync("orphan");

        var run = await pools.SyncAsync(pools.SyncSettings(o => o with { DeleteMissing = true }), input: "y\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, run.Count("deleted"));
        Assert.Null(await pools.NewUserOrNullAsync("orphan"));
        Assert.NotNull(await pools.NewUserOrNullAsync("kept"));
    }

    [Fact]
    public async Task RunAsync_DryRun_CountsEveryChangeAndWritesNothing()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedOldAsync("ann");
        await pools.SeedNewAsync("orphan");

        var run = await pools.SyncAsync(pools.SyncSettings(o => o with { DryRun = true }));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, run.Count("would-create"));
        Assert.Equal(1, run.Count("would-disabled-missing"));
        Assert.Null(await pools.NewUserOrNullAsync("ann"));
        Assert.True((await pools.NewUserOrNullAsync("orphan"))!.Enabled);
        Assert.False(Directory.Exists(pools.SyncSettings().WorkDirectory));
    }

    [Fact]
    public async Task RunAsync_ShortAndEmptyListUsersPages_EveryUserComparedOnBothSides()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(50);
        pools.Fake.ListUsersPageSize = page => page.IsFirstPage ? 0 : 7;

        var first = await pools.SyncAsync(pools.SyncSettings());
        await pools.SetPrimaryAttributesAsync("user0049", ("given_name", "Last"));
        var second = await pools.SyncAsync(pools.SyncSettings());

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(50, first.Count("created"));
        Assert.Equal(50, first.Report()["primaryUsers"]!.GetValue<long>());
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(1, second.Count("updated"));
        Assert.Equal(49, second.Report()["unchanged"]!.GetValue<long>());
        Assert.Equal(50, second.Report()["standbyUsers"]!.GetValue<long>());
        Assert.Equal(0, second.Count("disabled-missing"));
    }

    [Fact]
    public async Task RunAsync_ThrottledListingsAndWrites_RetriedAndComplete()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(20);
        Assert.Equal(0, (await pools.SyncAsync(pools.SyncSettings())).ExitCode);
        for (var i = 0; i < 20; i += 2)
        {
            await pools.SetPrimaryAttributesAsync($"user{i:0000}", ("given_name", "changed"));
        }

        pools.Fake.Faults.ThrottleNext("ListUsers", times: 3);
        pools.Fake.Faults.ThrottleNext("AdminUpdateUserAttributes", times: 4);
        pools.Fake.Faults.ThrottleNext("AdminGetUser", times: 2);

        var run = await pools.SyncAsync(pools.SyncSettings());

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(10, run.Count("updated"));
        Assert.All(await pools.NewUsersAsync(), u => Assert.Equal(int.Parse(u.Username[4..]) % 2 == 0 ? "changed" : null, u.Attributes.GetValueOrDefault("given_name")));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(9)]
    [InlineData(12)]
    public async Task RunAsync_KilledAfterAWriteThenRerun_NothingLostNothingAppliedOrCountedTwice(int killAfterWrite)
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(12);
        Assert.Equal(0, (await pools.SyncAsync(pools.SyncSettings())).ExitCode);
        for (var i = 0; i < 6; i++)
        {
            await pools.SetPrimaryAttributesAsync($"user{i:0000}", ("given_name", $"g{i}"));
        }

        for (var i = 6; i < 9; i++)
        {
            await pools.PrimaryAsync("AdminDisableUser", $"user{i:0000}");
        }

        await pools.PrimaryAsync("AdminDeleteUser", "user0011");
        await pools.SeedManyOldAsync(3, "late");
        pools.Fake.ClearCalls();

        // 6 updates, 3 disables, 3 creations (each with its password step), 1 missing: 16 standby writes.
        var crash = new CrashSwitch();
        var killed = await pools.SyncAsync(pools.SyncSettings(), new KillAfterUserWrites(pools.Client, crash, killAfterWrite));
        var rerun = await pools.SyncAsync(pools.SyncSettings());

        Assert.Equal(FakePools.Killed, killed.ExitCode);
        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(6, rerun.Count("updated"));
        Assert.Equal(3, rerun.Count("disabled"));
        Assert.Equal(3, rerun.Count("created"));
        Assert.Equal(1, rerun.Count("disabled-missing"));
        Assert.All(
            pools.NewPoolCalls("AdminUpdateUserAttributes").Where(c => c.StatusCode == 200).GroupBy(c => JsonNode.Parse(c.RequestSummary)!["Username"]!.GetValue<string>()),
            g => Assert.Single(g));
        Assert.All(pools.SuccessfulCreations(), c => Assert.Equal(1, c.Value));
        var standby = await pools.NewUsersAsync();
        Assert.Equal(15, standby.Count);
        Assert.All(standby, u => Assert.Equal("CONFIRMED", u.UserStatus));
        Assert.Equal(4, standby.Count(u => !u.Enabled));
    }

    /// <summary>Stops dead (a kill -9) right after the n-th write reached the standby.</summary>
    private sealed class KillAfterUserWrites(ICognitoIdentityProvider inner, CrashSwitch crash, int killAfter) : KillAfterWrites(inner, crash, killAfter)
    {
        public override Task<AdminUpdateUserAttributesResponse> AdminUpdateUserAttributesAsync(AdminUpdateUserAttributesRequest request, CancellationToken cancellationToken = default) =>
            WriteAsync(() => base.AdminUpdateUserAttributesAsync(request, cancellationToken));

        public override Task<AdminDisableUserResponse> AdminDisableUserAsync(AdminDisableUserRequest request, CancellationToken cancellationToken = default) =>
            WriteAsync(() => base.AdminDisableUserAsync(request, cancellationToken));

        public override Task<AdminCreateUserResponse> AdminCreateUserAsync(AdminCreateUserRequest request, CancellationToken cancellationToken = default) =>
            WriteAsync(() => base.AdminCreateUserAsync(request, cancellationToken));

        public override Task<AdminSetUserPasswordResponse> AdminSetUserPasswordAsync(AdminSetUserPasswordRequest request, CancellationToken cancellationToken = default) =>
            WriteAsync(() => base.AdminSetUserPasswordAsync(request, cancellationToken));

        public override Task<ListUsersResponse> ListUsersAsync(ListUsersRequest request, CancellationToken cancellationToken = default) =>
            Alive(() => base.ListUsersAsync(request, cancellationToken));

        public override Task<AdminGetUserResponse> AdminGetUserAsync(AdminGetUserRequest request, CancellationToken cancellationToken = default) =>
            Alive(() => base.AdminGetUserAsync(request, cancellationToken));
    }
}
