using System.Text.Json.Nodes;
using Trigger.Aws.Cognito;
using Trigger.Testing;
using Trigger.Cli.Tests.Commands.Sweep.Support;

namespace Trigger.Cli.Tests.Commands.Sync;

/// <summary>
/// <c>sync</c>'s group phase against the fake: definitions and memberships follow the primary across passes; groups,
/// members and users sync does not manage are left alone; a role without a mapping; short and empty pages; a
/// listing cut off by throttling removes nobody; a kill after each kind of group write, then the same command again.
/// </summary>
public sealed class SyncGroupsOnFakeTests
{
    private const string Role = "arn:aws:iam::111111111111:role/admins";
    private const string MappedRole = "arn:aws:iam::222222222222:role/admins";

    [Fact]
    public async Task RunAsync_PrimaryGroupsChangeBetweenPasses_StandbyDefinitionsAndMembershipsFollow()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedOldAsync("ann");
        await pools.SeedOldAsync("bob");
        await pools.Admin.CreateGroupAsync(pools.OldPoolId, "admins", "Administrators", 1);
        await pools.Admin.CreateGroupAsync(pools.OldPoolId, "staff");
        await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, "ann", "admins");
        await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, "ann", "staff");
        await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, "bob", "staff");

        var first = await pools.SyncAsync(pools.SyncSettings());

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(2, first.Count("group-created"));
        Assert.Equal(3, first.Count("membership-added"));
        Assert.Equal(["admins", "staff"], await pools.Admin.GroupsOfAsync(pools.NewPoolId, "ann"));
        Assert.Equal(["staff"], await pools.Admin.GroupsOfAsync(pools.NewPoolId, "bob"));
        var admins = (await pools.Admin.SendAsync("ListGroups", new JsonObject { ["UserPoolId"] = pools.NewPoolId }))["Groups"]!.AsArray()
            .Single(g => g!["GroupName"]!.GetValue<string>() == "admins")!;
        Assert.Equal("Administrators", admins["Description"]!.GetValue<string>());
        Assert.Equal(1, admins["Precedence"]!.GetValue<int>());

        await pools.Admin.RemoveUserFromGroupAsync(pools.OldPoolId, "ann", "admins");
        await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, "bob", "admins");
        var second = await pools.SyncAsync(pools.SyncSettings());

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(1, second.Count("membership-added"));
        Assert.Equal(1, second.Count("membership-removed"));
        Assert.Equal(0, second.Count("group-created"));
        Assert.Equal(["staff"], await pools.Admin.GroupsOfAsync(pools.NewPoolId, "ann"));
        Assert.Equal(["admins", "staff"], await pools.Admin.GroupsOfAsync(pools.NewPoolId, "bob"));

        pools.Fake.ClearCalls();
        var third = await pools.SyncAsync(pools.SyncSettings());

        Assert.Equal(0, third.ExitCode);
        Assert.Empty(third.Report()["counts"]!.AsObject());
        Assert.Equal(2, third.Report()["groups"]!["primaryGroups"]!.GetValue<int>());
        Assert.Empty(pools.NewPoolCalls("AdminAddUserToGroup"));
        Assert.Empty(pools.NewPoolCalls("AdminRemoveUserFromGroup"));
        Assert.Empty(pools.NewPoolCalls("CreateGroup"));

        // Memberships are read by group, never per user.
        Assert.Empty(pools.Fake.CallsTo("AdminListGroupsForUser"));
    }

    [Fact]
    public async Task RunAsync_StandbyOnlyGroupsAndMembersOfUsersThePrimaryLacks_LeftAlone()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedOldAsync("ann");
        await pools.Admin.CreateGroupAsync(pools.OldPoolId, "admins");
        await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, "ann", "admins");

        // The standby's own: a group the primary never had, and a standby-only user in a group both have.
        await pools.SeedNewAsync("operator");
        await pools.Admin.CreateGroupAsync(pools.NewPoolId, "dr-operators");
        await pools.Admin.AddUserToGroupAsync(pools.NewPoolId, "operator", "dr-operators");
        await pools.Admin.CreateGroupAsync(pools.NewPoolId, "admins");
        await pools.Admin.AddUserToGroupAsync(pools.NewPoolId, "operator", "admins");

        var run = await pools.SyncAsync(pools.SyncSettings());

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, run.Count("membership-added"));
        Assert.Equal(0, run.Count("membership-removed"));
        Assert.Equal(["admins", "dr-operators"], await pools.Admin.GroupsOfAsync(pools.NewPoolId, "operator"));
        Assert.Equal(["admins"], await pools.Admin.GroupsOfAsync(pools.NewPoolId, "ann"));
        var groups = run.Report()["groups"]!;
        Assert.Equal(["dr-operators"], groups["standbyOnly"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(1, groups["membershipsLeftAlone"]!.GetValue<long>());
        Assert.Empty(pools.NewPoolCalls("AdminRemoveUserFromGroup"));
    }

    [Fact]
    public async Task RunAsync_MembersTheStandbyDoesNotHoldAsThePrimarys_NeverAddedNorCalledFor()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedOldAsync("victim");
        await pools.SeedOldAsync("dormant", s => s with { Enabled = false, EmailVerified = false });
        await pools.Admin.CreateGroupAsync(pools.OldPoolId, "admins");
        await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, "victim", "admins");
        await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, "dormant", "admins");

        // A stranger signed up in the standby with the victim's name: the user phase reports it and changes nothing.
        await pools.SeedNewAsync("victim", s => s with { Email = "squatter@evil.example" });

        var run = await pools.SyncAsync(pools.SyncSettings());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("NameTakenByAnotherUser", run.Output, StringComparison.Ordinal);
        Assert.Equal(0, run.Count("membership-added"));
        Assert.Empty(await pools.Admin.GroupsOfAsync(pools.NewPoolId, "victim"));

        // Not even a call: AdminAddUserToGroup also answers to aliases, so a name the standby does not hold is never sent.
        Assert.Empty(pools.NewPoolCalls("AdminAddUserToGroup"));
        Assert.Equal(2, run.Report()["groups"]!["membersNotInStandby"]!.GetValue<long>());
    }

    [Fact]
    public async Task RunAsync_GroupRoleWithoutMapping_ThatGroupReportedEverythingElseKeptCurrent()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedOldAsync("ann");
        await pools.Admin.SendAsync("CreateGroup", new JsonObject { ["UserPoolId"] = pools.OldPoolId, ["GroupName"] = "admins", ["RoleArn"] = Role });
        await pools.Admin.CreateGroupAsync(pools.OldPoolId, "staff");
        await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, "ann", "admins");
        await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, "ann", "staff");

        var unmapped = await pools.SyncAsync(pools.SyncSettings());

        Assert.Equal(1, unmapped.ExitCode);
        Assert.Equal(1, unmapped.Count("created"));
        Assert.Equal(1, unmapped.Count("group-created"));
        Assert.Equal(1, unmapped.Count("failed"));
        Assert.Contains("RoleNotMapped", unmapped.Output, StringComparison.Ordinal);
        Assert.Equal(["staff"], await pools.Admin.GroupsOfAsync(pools.NewPoolId, "ann"));

        var mapped = await pools.SyncAsync(pools.SyncSettings(o => o with { RoleMap = new Dictionary<string, string> { [Role] = MappedRole } }));

        Assert.Equal(0, mapped.ExitCode);
        Assert.Equal(1, mapped.Count("group-created"));
        Assert.Equal(1, mapped.Count("membership-added"));
        Assert.Equal(["admins", "staff"], await pools.Admin.GroupsOfAsync(pools.NewPoolId, "ann"));
        var created = Assert.Single(pools.NewPoolCalls("CreateGroup"), c => c.StatusCode == 200 && c.RequestSummary.Contains("admins", StringComparison.Ordinal));
        Assert.Equal(MappedRole, JsonNode.Parse(created.RequestSummary)!["RoleArn"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_ShortAndEmptyGroupPages_EveryMemberFoundNothingRemoved()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(25);
        await pools.Admin.CreateGroupAsync(pools.OldPoolId, "all");
        for (var i = 0; i < 25; i++)
        {
            await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, $"user{i:0000}", "all");
        }

        await pools.Admin.CreateGroupAsync(pools.OldPoolId, "none");
        var pages = 0;

        // Every third page empty (with a token), the others one item: Cognito's short pages, on both pools.
        pools.Fake.GroupPageSize = (operation, limit) => Interlocked.Increment(ref pages) % 3 == 0 ? 0 : 1;

        var first = await pools.SyncAsync(pools.SyncSettings());
        await pools.Admin.RemoveUserFromGroupAsync(pools.OldPoolId, "user0024", "all");
        var second = await pools.SyncAsync(pools.SyncSettings());
        pools.Fake.GroupPageSize = null;

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(2, first.Count("group-created"));
        Assert.Equal(25, first.Count("membership-added"));
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(1, second.Count("membership-removed"));
        Assert.Equal(0, second.Count("membership-added"));
        Assert.Equal(["all"], await pools.Admin.GroupsOfAsync(pools.NewPoolId, "user0000"));
        Assert.Empty(await pools.Admin.GroupsOfAsync(pools.NewPoolId, "user0024"));
    }

    [Fact]
    public async Task RunAsync_PrimaryMemberListingThrottledPastTheRetriesMidway_StopsAndRemovesNobody()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(6);
        await pools.Admin.CreateGroupAsync(pools.OldPoolId, "admins");
        for (var i = 0; i < 6; i++)
        {
            await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, $"user{i:0000}", "admins");
        }

        Assert.Equal(0, (await pools.SyncAsync(pools.SyncSettings())).ExitCode);
        pools.Fake.GroupPageSize = (operation, limit) => 2;

        // The primary's second page of members never comes: every retry is throttled.
        pools.Fake.Faults.ThrottleNext(
            "ListUsersInGroup",
            times: 50,
            when: request => request["UserPoolId"]!.GetValue<string>() == pools.OldPoolId && request["NextToken"] is not null);
        pools.Fake.ClearCalls();

        var cut = await pools.SyncAsync(pools.SyncSettings());

        Assert.Equal(1, cut.ExitCode);
        Assert.False(cut.Report()["complete"]!.GetValue<bool>());
        Assert.Empty(pools.NewPoolCalls("AdminRemoveUserFromGroup"));
        Assert.All(Enumerable.Range(0, 6), i => Assert.Equal(["admins"], pools.Admin.GroupsOfAsync(pools.NewPoolId, $"user{i:0000}").GetAwaiter().GetResult()));

        pools.Fake.Faults.Clear();
        var resumed = await pools.SyncAsync(pools.SyncSettings());

        Assert.Equal(0, resumed.ExitCode);
        Assert.True(resumed.Report()["complete"]!.GetValue<bool>());
        Assert.Equal(0, resumed.Count("membership-removed"));
        Assert.Empty(pools.NewPoolCalls("AdminRemoveUserFromGroup"));
    }

    [Fact]
    public async Task RunAsync_StandbyMemberListingThrottledBriefly_RetriedAndComplete()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(4);
        await pools.Admin.CreateGroupAsync(pools.OldPoolId, "admins");
        for (var i = 0; i < 4; i++)
        {
            await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, $"user{i:0000}", "admins");
        }

        pools.Fake.Faults.ThrottleNext("ListGroups", times: 2);
        pools.Fake.Faults.ThrottleNext("ListUsersInGroup", times: 3);
        pools.Fake.Faults.ThrottleNext("AdminAddUserToGroup", times: 3);

        var run = await pools.SyncAsync(pools.SyncSettings());

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(4, run.Count("membership-added"));
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(["admins"], pools.Admin.GroupsOfAsync(pools.NewPoolId, $"user{i:0000}").GetAwaiter().GetResult()));
    }

    [Fact]
    public async Task RunAsync_DryRun_ShowsGroupChangesAndWritesNothing()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedOldAsync("ann");
        await pools.SeedNewAsync("ann");
        await pools.Admin.CreateGroupAsync(pools.OldPoolId, "admins");
        await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, "ann", "admins");
        Assert.Equal(0, (await pools.SyncAsync(pools.SyncSettings())).ExitCode);
        await pools.Admin.CreateGroupAsync(pools.OldPoolId, "staff");
        await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, "ann", "staff");
        await pools.Admin.RemoveUserFromGroupAsync(pools.OldPoolId, "ann", "admins");
        pools.Fake.ClearCalls();

        var run = await pools.SyncAsync(pools.SyncSettings(o => o with { DryRun = true }));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, run.Count("would-group-created"));
        Assert.Equal(1, run.Count("would-membership-added"));
        Assert.Equal(1, run.Count("would-membership-removed"));
        Assert.Equal(["admins"], await pools.Admin.GroupsOfAsync(pools.NewPoolId, "ann"));
        Assert.Empty(pools.NewPoolCalls("CreateGroup"));
        Assert.Empty(pools.NewPoolCalls("AdminAddUserToGroup"));
        Assert.Empty(pools.NewPoolCalls("AdminRemoveUserFromGroup"));
    }

    [Fact]
    public async Task RunAsync_CaseInsensitiveStandby_MembersComparedByItsRule()
    {
        await using var pools = await FakePools.StartAsync(newPool: new PoolSpec("standby") { UsernameCaseSensitive = false });
        await pools.SeedOldAsync("Ann");
        await pools.Admin.CreateGroupAsync(pools.OldPoolId, "admins");
        await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, "Ann", "admins");

        var first = await pools.SyncAsync(pools.SyncSettings());
        pools.Fake.ClearCalls();
        var second = await pools.SyncAsync(pools.SyncSettings());

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(1, first.Count("membership-added"));
        Assert.Equal(["admins"], await pools.Admin.GroupsOfAsync(pools.NewPoolId, "ann"));

        // The standby lists its member in its own case; the same person, so nothing to add or remove.
        Assert.Equal(0, second.ExitCode);
        Assert.Empty(second.Report()["counts"]!.AsObject());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task RunAsync_KilledAfterAGroupWriteThenRerun_EachChangeMadeAndCountedOnce(int killAfterWrite)
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(4);
        await pools.Admin.CreateGroupAsync(pools.OldPoolId, "admins");
        await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, "user0000", "admins");
        await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, "user0001", "admins");
        Assert.Equal(0, (await pools.SyncAsync(pools.SyncSettings())).ExitCode);

        // 1 creation, 3 additions, 1 removal: 5 group writes on the standby.
        await pools.Admin.CreateGroupAsync(pools.OldPoolId, "auditors");
        await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, "user0002", "auditors");
        await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, "user0003", "auditors");
        await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, "user0002", "admins");
        await pools.Admin.RemoveUserFromGroupAsync(pools.OldPoolId, "user0001", "admins");
        pools.Fake.ClearCalls();

        var crash = new CrashSwitch();
        var killed = await pools.SyncAsync(pools.SyncSettings(), new KillAfterGroupWrites(pools.Client, crash, killAfterWrite));
        var rerun = await pools.SyncAsync(pools.SyncSettings());

        Assert.Equal(FakePools.Killed, killed.ExitCode);
        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(1, rerun.Count("group-created"));
        Assert.Equal(3, rerun.Count("membership-added"));
        Assert.Equal(1, rerun.Count("membership-removed"));
        Assert.Equal(["admins"], await pools.Admin.GroupsOfAsync(pools.NewPoolId, "user0000"));
        Assert.Empty(await pools.Admin.GroupsOfAsync(pools.NewPoolId, "user0001"));
        Assert.Equal(["admins", "auditors"], await pools.Admin.GroupsOfAsync(pools.NewPoolId, "user0002"));
        Assert.Equal(["auditors"], await pools.Admin.GroupsOfAsync(pools.NewPoolId, "user0003"));
        Assert.Single(pools.NewPoolCalls("CreateGroup"), c => c.StatusCode == 200);
        Assert.All(
            pools.NewPoolCalls("AdminAddUserToGroup").Where(c => c.StatusCode == 200)
                .GroupBy(c => (JsonNode.Parse(c.RequestSummary)!["Username"]!.GetValue<string>(), JsonNode.Parse(c.RequestSummary)!["GroupName"]!.GetValue<string>())),
            g => Assert.Single(g));
    }

    /// <summary>Stops dead (a kill -9) right after the n-th group write reached the standby.</summary>
    private sealed class KillAfterGroupWrites(ICognitoIdentityProvider inner, CrashSwitch crash, int killAfter) : KillAfterWrites(inner, crash, killAfter)
    {
        public override Task<CreateGroupResponse> CreateGroupAsync(CreateGroupRequest request, CancellationToken cancellationToken = default) =>
            WriteAsync(() => base.CreateGroupAsync(request, cancellationToken));

        public override Task<AdminAddUserToGroupResponse> AdminAddUserToGroupAsync(AdminAddUserToGroupRequest request, CancellationToken cancellationToken = default) =>
            WriteAsync(() => base.AdminAddUserToGroupAsync(request, cancellationToken));

        public override Task<AdminRemoveUserFromGroupResponse> AdminRemoveUserFromGroupAsync(AdminRemoveUserFromGroupRequest request, CancellationToken cancellationToken = default) =>
            WriteAsync(() => base.AdminRemoveUserFromGroupAsync(request, cancellationToken));

        public override Task<ListGroupsResponse> ListGroupsAsync(ListGroupsRequest request, CancellationToken cancellationToken = default) =>
            Alive(() => base.ListGroupsAsync(request, cancellationToken));

        public override Task<ListUsersInGroupResponse> ListUsersInGroupAsync(ListUsersInGroupRequest request, CancellationToken cancellationToken = default) =>
            Alive(() => base.ListUsersInGroupAsync(request, cancellationToken));
    }
}
