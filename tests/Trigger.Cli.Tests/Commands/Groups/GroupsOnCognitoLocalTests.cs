using System.Text.Json.Nodes;
using Trigger.Cli.Tests.Support;
using Trigger.Testing;

namespace Trigger.Cli.Tests.Commands.Groups;

/// <summary><c>groups</c> and plan's group findings against a live cognito-local.</summary>
[Slow]
[Collection(CognitoLocalCollection.Name)]
public sealed class GroupsOnCognitoLocalTests(CognitoLocalFixture world)
{
    private const string OldRole = "arn:aws:iam::111111111111:role/admins";
    private const string NewRole = "arn:aws:iam::222222222222:role/admins";

    private async Task<PoolPair> PairWithOldGroupsAsync()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin);
        await world.Admin.SendAsync("CreateGroup", new JsonObject
        {
            ["UserPoolId"] = pair.OldPoolId, ["GroupName"] = "admins", ["Description"] = "Full access", ["Precedence"] = 1, ["RoleArn"] = OldRole,
        });
        await world.Admin.CreateGroupAsync(pair.OldPoolId, "editors", "Edit content", precedence: 5);
        await world.Admin.CreateGroupAsync(pair.OldPoolId, "archived");
        await world.Admin.CreateUserAsync(pair.OldPoolId, new UserSpec("ada", TestPools.Password) { Email = "ada@example.com" });
        await world.Admin.AddUserToGroupAsync(pair.OldPoolId, "ada", "admins");
        await world.Admin.AddUserToGroupAsync(pair.OldPoolId, "ada", "editors");
        return pair;
    }

    private async Task<Dictionary<string, JsonObject>> NewGroupsAsync(PoolPair pair)
    {
        var answer = await world.Admin.SendAsync("ListGroups", new JsonObject { ["UserPoolId"] = pair.NewPoolId });
        return (answer["Groups"]?.AsArray() ?? []).Select(g => g!.AsObject()).ToDictionary(g => g["GroupName"]!.GetValue<string>(), StringComparer.Ordinal);
    }

    [Fact]
    public async Task Groups_MissingInTheNewPool_CreatedWithDescriptionPrecedenceAndMappedRole()
    {
        var pair = await PairWithOldGroupsAsync();

        var result = await CliRunner.RunAsync(pair.Args("groups", "--role-map", $"{OldRole}={NewRole}"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var groups = await NewGroupsAsync(pair);
        Assert.Equal(["admins", "archived", "editors"], groups.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Full access", groups["admins"]["Description"]!.GetValue<string>());
        Assert.Equal(1, groups["admins"]["Precedence"]!.GetValue<int>());
        Assert.Equal(NewRole, groups["admins"]["RoleArn"]!.GetValue<string>());
        Assert.Equal(5, groups["editors"]["Precedence"]!.GetValue<int>());
        Assert.Contains("3 group(s) created", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Groups_SecondRun_ChangesNothing()
    {
        var pair = await PairWithOldGroupsAsync();
        var first = await CliRunner.RunAsync(pair.Args("groups", "--role-map", $"{OldRole}={NewRole}"));
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = (await NewGroupsAsync(pair)).ToDictionary(g => g.Key, g => g.Value.ToJsonString());

        var second = await CliRunner.RunAsync(pair.Args("groups", "--role-map", $"{OldRole}={NewRole}", "--output", "json"));

        Assert.True(second.ExitCode == 0, second.ToString());
        var report = JsonNode.Parse(second.Out)!;
        Assert.Empty(report["created"]!.AsArray());
        Assert.Equal(3, report["unchanged"]!.AsArray().Count);
        Assert.Equal(before, (await NewGroupsAsync(pair)).ToDictionary(g => g.Key, g => g.Value.ToJsonString()));
    }

    [Fact]
    public async Task Groups_RoleWithoutMapping_RefusesAndCreatesNothing()
    {
        var pair = await PairWithOldGroupsAsync();

        var result = await CliRunner.RunAsync(pair.Args("groups"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(OldRole, result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was created", result.Error, StringComparison.Ordinal);
        Assert.Empty(await NewGroupsAsync(pair));
    }

    [Fact]
    public async Task Groups_DryRun_ListsTheGroupsAndCreatesNothing()
    {
        var pair = await PairWithOldGroupsAsync();

        var result = await CliRunner.RunAsync(pair.Args("groups", "--role-map", $"{OldRole}={NewRole}", "--dry-run"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("would create    admins (precedence 1) role " + NewRole, result.Out, StringComparison.Ordinal);
        Assert.Empty(await NewGroupsAsync(pair));
    }

    [Fact]
    public async Task Groups_BadRoleMap_IsAUsageError()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin);

        var result = await CliRunner.RunAsync(pair.Args("groups", "--role-map", "admins=operators"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not old-role-arn=new-role-arn", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_OldGroupWithMembersMissingInTheNewPool_IsBlockingAndAnEmptyOneAWarning()
    {
        var pair = await PairWithOldGroupsAsync();

        var result = await CliRunner.RunAsync(pair.Args("plan", "--output", "json"));

        Assert.Equal(1, result.ExitCode);
        var findings = JsonNode.Parse(result.Out)!["findings"]!.AsArray();
        var missing = findings.Single(f => f!["code"]!.GetValue<string>() == "group-missing")!;
        Assert.Equal("blocking", missing["severity"]!.GetValue<string>());
        Assert.Contains("admins, editors", missing["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var empty = findings.Single(f => f!["code"]!.GetValue<string>() == "group-missing-empty")!;
        Assert.Equal("warning", empty["severity"]!.GetValue<string>());
        Assert.Contains("archived", empty["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_AfterGroups_HasNoMissingGroupFinding()
    {
        var pair = await PairWithOldGroupsAsync();
        Assert.Equal(0, (await CliRunner.RunAsync(pair.Args("groups", "--role-map", $"{OldRole}={NewRole}"))).ExitCode);

        var result = await CliRunner.RunAsync(pair.Args("plan", "--output", "json"));

        var codes = JsonNode.Parse(result.Out)!["findings"]!.AsArray().Select(f => f!["code"]!.GetValue<string>()).ToList();
        Assert.DoesNotContain(codes, c => c.StartsWith("group-missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GroupsMembers_UsersInTheNewPool_GetTheirOldGroupsOnceAndOthersAreCounted()
    {
        var pair = await PairWithOldGroupsAsync();
        await world.Admin.CreateUserAsync(pair.OldPoolId, new UserSpec("bob", TestPools.Password) { Email = "bob@example.com" });
        await world.Admin.AddUserToGroupAsync(pair.OldPoolId, "bob", "editors");
        // ada is in the new pool (migrated or swept) with one of her two groups already (a run killed half-way);
        // bob has not arrived yet.
        await world.Admin.CreateUserAsync(pair.NewPoolId, new UserSpec("ada", TestPools.Password) { Email = "ada@example.com" });
        Assert.Equal(0, (await CliRunner.RunAsync(pair.Args("groups", "--role-map", $"{OldRole}={NewRole}"))).ExitCode);
        await world.Admin.AddUserToGroupAsync(pair.NewPoolId, "ada", "admins");

        var result = await CliRunner.RunAsync(pair.Args("groups", "--members", "--role-map", $"{OldRole}={NewRole}", "--output", "json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var counts = JsonNode.Parse(result.Out)!["memberships"]!;
        Assert.Equal(1, counts["added"]!.GetValue<int>());
        Assert.Equal(1, counts["alreadyMembers"]!.GetValue<int>());
        Assert.Equal(1, counts["notInNewPool"]!.GetValue<int>());
        Assert.Equal(["admins", "editors"], await world.Admin.GroupsOfAsync(pair.NewPoolId, "ada"));

        var again = await CliRunner.RunAsync(pair.Args("groups", "--members", "--role-map", $"{OldRole}={NewRole}", "--output", "json"));

        var second = JsonNode.Parse(again.Out)!["memberships"]!;
        Assert.Equal(0, second["added"]!.GetValue<int>());
        Assert.Equal(2, second["alreadyMembers"]!.GetValue<int>());
    }

    [Fact]
    public async Task GroupsMembers_StrangerHoldingAnUnmigratedAdminsName_NotAddedAndCounted()
    {
        // ada (admins, editors) has not migrated; a stranger signed up in the new pool under her username before
        // she did, with an address of their own. A name proves nothing: the repair must not make them an admin.
        var pair = await PairWithOldGroupsAsync();
        await world.Admin.CreateUserAsync(pair.NewPoolId, new UserSpec("ada", TestPools.Password) { Email = "mallory@example.com" });
        Assert.Equal(0, (await CliRunner.RunAsync(pair.Args("groups", "--role-map", $"{OldRole}={NewRole}"))).ExitCode);

        var result = await CliRunner.RunAsync(pair.Args("groups", "--members", "--role-map", $"{OldRole}={NewRole}", "--output", "json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var counts = JsonNode.Parse(result.Out)!["memberships"]!;
        Assert.Equal(0, counts["added"]!.GetValue<int>());
        Assert.Equal(2, counts["notProven"]!.GetValue<int>());
        Assert.Empty(await world.Admin.GroupsOfAsync(pair.NewPoolId, "ada"));
    }
}
