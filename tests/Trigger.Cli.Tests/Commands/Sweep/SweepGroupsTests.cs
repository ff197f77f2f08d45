using System.Text.Json.Nodes;
using Trigger.Cli.Commands.Export;
using Trigger.Cli.Commands.Sweep;
using Trigger.Cli.Tests.Commands.Sweep.Support;
using Trigger.Testing;

namespace Trigger.Cli.Tests.Commands.Sweep;

/// <summary>
/// The admin sweep from a snapshot carries each user's recorded groups into the new pool (on the fake): swept users
/// get theirs, a trigger-migrated user's missing ones are repaired, a group the new pool lacks is named, a snapshot
/// without groups says so, nobody gains a group not recorded for that very old user, and a sweep killed in the
/// middle of its memberships and run again adds each exactly once.
/// </summary>
public sealed class SweepGroupsTests
{
    private const int Users = 40;

    [Fact]
    public async Task RunAsync_SnapshotWithGroups_EachUserGetsItsRecordedGroupsAndMissingGroupIsNamedNotFailed()
    {
        await using var world = await GroupWorld.StartAsync(Users);

        var run = await world.Pools.SweepAsync(world.SweepOptions());

        Assert.True(run.ExitCode == 0, run.Messages + run.Output);
        await world.AssertEveryMembershipExactlyOnceAsync(run);
        var memberships = JsonNode.Parse(run.Output)!["memberships"]!;
        Assert.Equal(world.ExpectedMemberships - 1, memberships["added"]!.GetValue<long>());
        Assert.Equal(1, memberships["alreadyPresent"]!.GetValue<long>());
        Assert.Equal(Users / 5, memberships["groupsMissing"]!["ghost"]!.GetValue<long>());
        Assert.DoesNotContain(world.Pools.NewPoolCalls("AdminAddUserToGroup"), c => c.RequestSummary.Contains("ghost", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_LiveOldPool_MembershipsReadByGroupAndEachUserGetsItsGroups()
    {
        await using var world = await GroupWorld.StartAsync(Users);

        var run = await world.Pools.SweepAsync(world.Pools.Options(o => o with { GroupAddsPerSecond = 25 }));

        Assert.True(run.ExitCode == 0, run.Messages + run.Output);
        await world.AssertEveryMembershipExactlyOnceAsync(run);
        Assert.DoesNotContain(world.Pools.Fake.CallsTo("AdminListGroupsForUser"), c => c.RequestSummary.Contains(world.Pools.OldPoolId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_TriggerMigratedUserMissingAMembership_MissingOneAddedPresentOneNotCalled()
    {
        await using var world = await GroupWorld.StartAsync(Users);

        var run = await world.Pools.SweepAsync(world.SweepOptions());

        Assert.True(run.ExitCode == 0, run.Messages + run.Output);
        // user0003: admins (already there, from the trigger), editors (missing: repaired), ghost (no such group in the new pool).
        Assert.Equal(["admins", "editors"], await world.NewGroupsAsync("user0003"));
        var adds = world.Pools.NewPoolCalls("AdminAddUserToGroup").Select(c => JsonNode.Parse(c.RequestSummary)!).Where(r => r["Username"]!.GetValue<string>() == "user0003");
        Assert.Equal(["editors"], adds.Select(r => r["GroupName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task RunAsync_FormatOneSnapshot_SaysNoMembershipCanBeCarriedAndAddsNone()
    {
        await using var world = await GroupWorld.StartAsync(10);
        var lines = await File.ReadAllLinesAsync(world.Snapshot);
        lines[0] = $$"""{"kind":"snapshot","format":1,"userPoolId":"{{world.Pools.OldPoolId}}"}""";
        await File.WriteAllLinesAsync(world.Snapshot, lines.Select(l => l.Contains("\"kind\":\"user\"", StringComparison.Ordinal) ? JsonWithoutGroups(l) : l));

        var run = await world.Pools.SweepAsync(world.SweepOptions());

        Assert.True(run.ExitCode == 0, run.Messages + run.Output);
        Assert.Contains("no group memberships are carried", run.Messages, StringComparison.Ordinal);
        Assert.Contains("records no groups", JsonNode.Parse(run.Output)!["memberships"]!["notCarried"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(world.Pools.NewPoolCalls("AdminAddUserToGroup"));
    }

    [Fact]
    public async Task RunAsync_SnapshotLineClaimsAGroupTheOldPoolDoesNotConfirm_NotAdded()
    {
        await using var world = await GroupWorld.StartAsync(10);
        // An edited snapshot: user0000 (in no group) claims admins.
        var lines = await File.ReadAllLinesAsync(world.Snapshot);
        var i = Array.FindIndex(lines, l => l.Contains("\"username\":\"user0000\"", StringComparison.Ordinal));
        var edited = JsonNode.Parse(lines[i])!;
        edited["groups"] = new JsonArray("admins");
        lines[i] = edited.ToJsonString();
        await File.WriteAllLinesAsync(world.Snapshot, lines);

        var run = await world.Pools.SweepAsync(world.SweepOptions());

        Assert.True(run.ExitCode == 0, run.Messages + run.Output);
        Assert.Empty(await world.NewGroupsAsync("user0000"));
        Assert.Equal(["admins"], await world.NewGroupsAsync("user0001"));
    }

    // The attack: a case-sensitive old pool holds "Admin" (in admins) and "admin" (in no group); the trigger moved "admin"
    // into a case-insensitive new pool. "Admin" maps to the new "admin", who is someone else: no groups for them.
    [Fact]
    public async Task RunAsync_OldNameMapsToAnotherNewUserByCaseRules_ThatUserGainsNoGroups()
    {
        await using var pools = await FakePools.StartAsync(
            oldPool: new PoolSpec("old") { UsernameCaseSensitive = true, Schema = [new SchemaAttributeSpec("tenant"), new SchemaAttributeSpec("tier")] },
            newPool: new PoolSpec("new") { UsernameCaseSensitive = false, Schema = [new SchemaAttributeSpec("tenant"), new SchemaAttributeSpec("legacy_sub")] });
        await pools.SeedOldAsync("Admin", s => s with { Email = "boss@example.com" });
        await pools.SeedOldAsync("admin", s => s with { Email = "intern@example.com" });
        await pools.Admin.CreateGroupAsync(pools.OldPoolId, "admins");
        await pools.Admin.CreateGroupAsync(pools.NewPoolId, "admins");
        await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, "Admin", "admins");
        await pools.SeedNewAsync("admin", s => s with { Email = "intern@example.com" });
        var snapshot = await ExportAsync(pools);
        pools.Fake.ClearCalls();

        var run = await pools.SweepAsync(pools.Options(o => o with { OldUserPoolId = null, SnapshotPath = snapshot }));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(AdminStragglerCreator.NameTakenByAnotherUser, run.Output, StringComparison.Ordinal);
        Assert.Empty(pools.NewPoolCalls("AdminAddUserToGroup"));
        var groups = await pools.Admin.SendAsync("AdminListGroupsForUser", new JsonObject { ["UserPoolId"] = pools.NewPoolId, ["Username"] = "admin" });
        Assert.Empty(groups["Groups"]!.AsArray());
    }

    [Fact]
    public async Task RunAsync_ThrottledGroupAdds_AbsorbedByTheRetriesEveryMembershipOnce()
    {
        await using var world = await GroupWorld.StartAsync(Users);
        world.Pools.Fake.Faults.ThrottleNext("AdminAddUserToGroup", 6);

        var run = await world.Pools.SweepAsync(world.SweepOptions());

        Assert.True(run.ExitCode == 0, run.Messages + run.Output);
        Assert.Equal(6, world.Pools.NewPoolCalls("AdminAddUserToGroup").Count(c => c.ErrorType == "TooManyRequestsException"));
        await world.AssertEveryMembershipExactlyOnceAsync(run);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task RunAsync_KilledDuringTheMembershipsThenRerun_EachMembershipAddedOnceNoneLost(int seed)
    {
        await using var world = await GroupWorld.StartAsync(Users);
        var random = new Random(seed);
        var crash = new CrashSwitch();
        var options = world.SweepOptions(o => o with { Concurrency = 1 + random.Next(8) });
        var point = 1 + random.Next(world.ExpectedMemberships - 2);

        var first = await world.Pools.SweepAsync(
            options, new SweepSeams { Files = new FaultyFiles((_, _) => false, crash) }, client: new CrashingCognito(world.Pools.Client, crash, afterAddToGroup: point));
        var addedBefore = world.AddsThatReachedThePool();
        var second = await world.Pools.SweepAsync(options);

        Assert.True(crash.Tripped, first.Messages);
        Assert.Contains(first.ExitCode, new[] { 1, FakePools.Killed });
        Assert.True(second.ExitCode == 0, second.Messages + second.Output);
        await world.AssertEveryMembershipExactlyOnceAsync(second);
        var addedAfter = world.AddsThatReachedThePool();
        Assert.All(addedBefore, m => Assert.Equal(1, addedAfter[m.Key]));
    }

    private static string JsonWithoutGroups(string line)
    {
        var json = JsonNode.Parse(line)!.AsObject();
        json.Remove("groups");
        return json.ToJsonString();
    }

    private static async Task<string> ExportAsync(FakePools pools)
    {
        var snapshot = Path.Combine(pools.Scratch.FullName, "old.jsonl");
        var export = await pools.ExportAsync(new ExportOptions { OldUserPoolId = pools.OldPoolId, OutputPath = snapshot, PagesPerSecond = 30 });
        Assert.True(export.ExitCode == 0, export.Messages);
        return snapshot;
    }

    /// <summary>
    /// Old users user0000.. in admins, editors, zeta and ghost by their number (ghost exists only in the old pool);
    /// user0003 and user0008 already migrated by the trigger, user0003 with its admins membership; a snapshot exported.
    /// </summary>
    private sealed class GroupWorld : IAsyncDisposable
    {
        private GroupWorld(FakePools pools, string snapshot, int users)
        {
            Pools = pools;
            Snapshot = snapshot;
            UserCount = users;
        }

        public FakePools Pools { get; }

        public string Snapshot { get; }

        public int UserCount { get; }

        /// <summary>Memberships the new pool should end with (ghost aside).</summary>
        public int ExpectedMemberships => Enumerable.Range(0, UserCount).Sum(i => Expected(i).Count);

        public static async Task<GroupWorld> StartAsync(int users)
        {
            var pools = await FakePools.StartAsync();
            await pools.SeedManyOldAsync(users);
            foreach (var group in new[] { "admins", "editors", "zeta", "ghost" })
            {
                await pools.Admin.CreateGroupAsync(pools.OldPoolId, group);
                if (group != "ghost")
                {
                    await pools.Admin.CreateGroupAsync(pools.NewPoolId, group);
                }
            }

            for (var i = 0; i < users; i++)
            {
                foreach (var group in GroupsOf(i))
                {
                    await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, $"user{i:0000}", group);
                }
            }

            await pools.SeedNewAsync("user0003");
            await pools.SeedNewAsync("user0008");
            await pools.Admin.AddUserToGroupAsync(pools.NewPoolId, "user0003", "admins");
            var snapshot = await ExportAsync(pools);
            pools.Fake.GroupPageSize = (_, limit) => Math.Min(limit, 1);
            pools.Fake.ClearCalls();
            return new GroupWorld(pools, snapshot, users);
        }

        public SweepOptions SweepOptions(Func<SweepOptions, SweepOptions>? adjust = null) =>
            Pools.Options(o => (adjust ?? (x => x))(o with { OldUserPoolId = null, SnapshotPath = Snapshot, GroupAddsPerSecond = 25 }));

        public async Task<IReadOnlyList<string>> NewGroupsAsync(string username)
        {
            var groups = new List<string>();
            string? token = null;
            do
            {
                var request = new JsonObject { ["UserPoolId"] = Pools.NewPoolId, ["Username"] = username, ["Limit"] = 60 };
                if (token is not null)
                {
                    request["NextToken"] = token;
                }

                var page = await Pools.Admin.SendAsync("AdminListGroupsForUser", request);
                groups.AddRange(page["Groups"]!.AsArray().Select(g => g!["GroupName"]!.GetValue<string>()));
                token = page["NextToken"]?.GetValue<string>();
            }
            while (token is not null);
            return [.. groups.Order(StringComparer.Ordinal)];
        }

        /// <summary>
        /// AdminAddUserToGroup calls on the new pool that reached it, per "user/group": answered, or abandoned in flight by a
        /// killed run (HTTP 499 in the fake's log, possibly carried out); throttled calls were refused and do not count.
        /// </summary>
        public Dictionary<string, int> AddsThatReachedThePool() => Pools.NewPoolCalls("AdminAddUserToGroup")
            .Where(c => c.ErrorType is null)
            .Select(c => JsonNode.Parse(c.RequestSummary)!)
            .GroupBy(r => $"{r["Username"]!.GetValue<string>()}/{r["GroupName"]!.GetValue<string>()}", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        public async Task AssertEveryMembershipExactlyOnceAsync(RunResult last)
        {
            for (var i = 0; i < UserCount; i++)
            {
                Assert.Equal(Expected(i), await NewGroupsAsync($"user{i:0000}"));
            }

            // Seeded before the calls were cleared: user0003's admins. Every other membership was added by exactly one call.
            var adds = AddsThatReachedThePool();
            Assert.All(adds, a => Assert.True(a.Value == 1, $"{a.Key} was added {a.Value} times"));
            Assert.Equal(ExpectedMemberships - 1, adds.Count);
            var memberships = JsonNode.Parse(last.Output)!["memberships"]!;
            Assert.Equal(ExpectedMemberships, memberships["added"]!.GetValue<long>() + memberships["alreadyPresent"]!.GetValue<long>());
            Assert.Equal(UserCount / 5, memberships["groupsMissing"]!["ghost"]!.GetValue<long>());
        }

        public async ValueTask DisposeAsync() => await Pools.DisposeAsync();

        private static IReadOnlyList<string> Expected(int i) => [.. GroupsOf(i).Where(g => g != "ghost").Order(StringComparer.Ordinal)];

        private static string[] GroupsOf(int i) => (i % 5) switch
        {
            0 => [],
            1 => ["admins"],
            2 => ["editors", "zeta"],
            3 => ["admins", "editors", "ghost"],
            _ => ["zeta"],
        };
    }
}
