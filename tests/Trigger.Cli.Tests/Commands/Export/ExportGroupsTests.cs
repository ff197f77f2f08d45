using System.Text.Json.Nodes;
using Trigger.Cli.Commands.Export;
using Trigger.Cli.Options;
using Trigger.Cli.Tests.Commands.Sweep.Support;

namespace Trigger.Cli.Tests.Commands.Export;

/// <summary>
/// The export records each user's groups, read group by group (ListGroups, ListUsersInGroup per group) on the fake:
/// short and empty pages, throttling, a resume, <c>--no-groups</c>.
/// </summary>
public sealed class ExportGroupsTests
{
    [Fact]
    public async Task RunAsync_Groups_EachUserLineCarriesItsOwnGroupsSortedReadByGroupNotByUser()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(130);
        foreach (var group in new[] { "zeta", "admins", "Editors", "empty" })
        {
            await pools.Admin.CreateGroupAsync(pools.OldPoolId, group);
        }

        for (var i = 0; i < 130; i++)
        {
            foreach (var group in GroupsOf(i))
            {
                await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, $"user{i:0000}", group);
            }
        }

        // Short pages, and now and then an empty one with a token: none of them ends a listing.
        var pages = 0;
        pools.Fake.GroupPageSize = (_, limit) => (Interlocked.Increment(ref pages) % 4) switch { 0 => 0, 1 => 7, 2 => 1, _ => limit };
        pools.Fake.ClearCalls();
        var path = Path.Combine(pools.Scratch.FullName, "old.jsonl");

        var run = await pools.ExportAsync(Options(pools, path));

        Assert.Equal(0, run.ExitCode);
        var lines = (await File.ReadAllLinesAsync(path)).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(SnapshotLine.CurrentFormat, lines[0]["format"]!.GetValue<int>());
        Assert.True(lines[0]["groupsRecorded"]!.GetValue<bool>());
        foreach (var user in lines.Skip(1).SkipLast(1))
        {
            var i = int.Parse(user["username"]!.GetValue<string>()[4..], System.Globalization.CultureInfo.InvariantCulture);
            var groups = user["groups"]?.AsArray().Select(g => g!.GetValue<string>()).ToList() ?? [];
            Assert.Equal(GroupsOf(i).Order(StringComparer.Ordinal), groups);
        }

        Assert.Empty(pools.Fake.CallsTo("AdminListGroupsForUser"));
        var memberships = Enumerable.Range(0, 130).Sum(i => GroupsOf(i).Length);
        Assert.Equal(memberships, JsonNode.Parse(run.Output)!["memberships"]!.GetValue<long>());
    }

    [Fact]
    public async Task RunAsync_ThrottledGroupListings_AbsorbedByTheRetries()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedOldAsync("ann");
        await pools.Admin.CreateGroupAsync(pools.OldPoolId, "admins");
        await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, "ann", "admins");
        pools.Fake.Faults.ThrottleNext("ListGroups", 2);
        pools.Fake.Faults.ThrottleNext("ListUsersInGroup", 3);
        var path = Path.Combine(pools.Scratch.FullName, "old.jsonl");

        var run = await pools.ExportAsync(Options(pools, path));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, pools.Fake.CallsTo("ListUsersInGroup").Count(c => c.ErrorType == "TooManyRequestsException"));
        Assert.Contains("\"groups\":[\"admins\"]", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoGroups_NoGroupCallsAndTheHeaderSaysSo()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedOldAsync("ann");
        await pools.Admin.CreateGroupAsync(pools.OldPoolId, "admins");
        await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, "ann", "admins");
        pools.Fake.ClearCalls();
        var path = Path.Combine(pools.Scratch.FullName, "old.jsonl");

        var run = await pools.ExportAsync(Options(pools, path) with { Groups = false });

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(pools.Fake.CallsTo("ListGroups"));
        Assert.Empty(pools.Fake.CallsTo("ListUsersInGroup"));
        var lines = (await File.ReadAllLinesAsync(path)).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.False(lines[0]["groupsRecorded"]!.GetValue<bool>());
        Assert.Null(lines[1]["groups"]);
    }

    [Fact]
    public async Task RunAsync_StoppedThenResumed_RefusesAnotherGroupsOptionAndLinesAfterTheResumeCarryGroups()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(100);
        await pools.Admin.CreateGroupAsync(pools.OldPoolId, "admins");
        await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, "user0002", "admins");
        await pools.Admin.AddUserToGroupAsync(pools.OldPoolId, "user0090", "admins");
        pools.Fake.ListUsersPageSize = _ => 25;
        var listed = 0;
        pools.Fake.Faults.FailNext("ListUsers", times: 50, when: _ => Interlocked.Increment(ref listed) > 1);
        var path = Path.Combine(pools.Scratch.FullName, "old.jsonl");
        var stopped = await pools.ExportAsync(Options(pools, path), client: FakePools.CreateClient(pools.Fake.Endpoint, retries: 1));
        Assert.Equal(1, stopped.ExitCode);
        pools.Fake.Faults.Clear();

        var other = await pools.ExportAsync(Options(pools, path) with { Groups = false });
        var resumed = await pools.ExportAsync(Options(pools, path));

        Assert.Equal(2, other.ExitCode);
        Assert.Contains("--no-groups", other.Messages, StringComparison.Ordinal);
        Assert.Equal(0, resumed.ExitCode);
        var members = (await File.ReadAllLinesAsync(path)).Select(l => JsonNode.Parse(l)!).Where(l => l["groups"] is not null).Select(l => l["username"]!.GetValue<string>());
        Assert.Equal(["user0002", "user0090"], members);
    }

    // user0000 none, user0001 admins, user0002 admins+Editors+zeta, ... (the groups deliberately not in ordinal order).
    private static string[] GroupsOf(int i) => (i % 4) switch
    {
        0 => [],
        1 => ["admins"],
        2 => ["zeta", "admins", "Editors"],
        _ => ["Editors"],
    };

    private static ExportOptions Options(FakePools pools, string path) => new()
    {
        OldUserPoolId = pools.OldPoolId,
        OutputPath = path,
        PagesPerSecond = 30,
        Format = OutputFormat.Json,
        ProgressInterval = TimeSpan.FromHours(1),
    };
}
