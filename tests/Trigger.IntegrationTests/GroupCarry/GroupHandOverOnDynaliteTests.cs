using System.Text.Json.Nodes;
using Trigger.Aws.DynamoDb;
using Trigger.IntegrationTests.Support;
using Trigger.Migration.Ports;
using Trigger.Testing;

namespace Trigger.IntegrationTests.GroupCarry;

/// <summary>
/// The durable groups hand-over through the published bootstrap: UserMigration served by one process, the
/// later steps of the same sign-in by another, and the table (dynalite) carrying the groups between them; then
/// the adapter itself on dynalite for what the processes cannot show (expiry, the case rule, a single take).
/// </summary>
[Slow]
public sealed class GroupHandOverOnDynaliteTests(GroupHandOverOnDynaliteFixture world) : IClassFixture<GroupHandOverOnDynaliteFixture>
{
    [Fact]
    public async Task SignIn_LaterStepsInAnotherProcess_MembershipsAddedOnceAndTheTokenAnswerCarriesTheGroups()
    {
        var migration = await world.First.InvokeAsync(TriggerEvents.SignIn(world.NewPoolId, "amelia", GroupHandOverOnDynaliteFixture.Password));
        Assert.False(migration.IsFunctionError);
        await world.CreateNewUserAsync("amelia");

        var postAuthentication = await world.Second.InvokeAsync(TriggerEvents.PostAuthentication(world.NewPoolId, "amelia"));
        var tokens = await world.Second.InvokeAsync(TriggerEvents.TokenGeneration(world.NewPoolId, "amelia", version: "2"));

        Assert.False(postAuthentication.IsFunctionError);
        Assert.NotEqual(world.First.RuntimeProcessId, world.Second.RuntimeProcessId);
        Assert.Equal(["admins", "editors"], await world.Admin.GroupsOfAsync(world.NewPoolId, "amelia"));
        var groups = JsonNode.Parse(tokens.Payload)!["response"]!["claimsAndScopeOverrideDetails"]!["groupOverrideDetails"]!["groupsToOverride"]!;
        Assert.Equal(["admins", "editors"], groups.AsArray().Select(g => g!.GetValue<string>()));
        Assert.True(await BridgeOutput.AppearsAsync(world.Second, "\"groupsInTokens\":2"));
        Assert.DoesNotContain("amelia", world.Second.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_StrangerSpellingInACaseSensitivePool_GetsNoGroupsAndTheOwnerStillDoes()
    {
        await world.First.InvokeAsync(TriggerEvents.SignIn(world.NewPoolId, "Admin", GroupHandOverOnDynaliteFixture.Password));
        await world.CreateNewUserAsync("Admin");

        var stranger = await world.Second.InvokeAsync(TriggerEvents.TokenGeneration(world.NewPoolId, "admin"));
        var owner = await world.Second.InvokeAsync(TriggerEvents.TokenGeneration(world.NewPoolId, "Admin"));

        Assert.Empty(JsonNode.Parse(stranger.Payload)!["response"]!.AsObject());
        var groups = JsonNode.Parse(owner.Payload)!["response"]!["claimsOverrideDetails"]!["groupOverrideDetails"]!["groupsToOverride"]!;
        Assert.Equal(["admins"], groups.AsArray().Select(g => g!.GetValue<string>()));
    }

    [Fact]
    public async Task RefreshTokens_AnswersUnchangedAndLeavesTheEntryForTheSignIn()
    {
        await world.First.InvokeAsync(TriggerEvents.SignIn(world.NewPoolId, "boris", GroupHandOverOnDynaliteFixture.Password));
        await world.CreateNewUserAsync("boris");

        var refresh = await world.Second.InvokeAsync(TriggerEvents.TokenGeneration(world.NewPoolId, "boris", source: "TokenGeneration_RefreshTokens"));
        var signIn = await world.Second.InvokeAsync(TriggerEvents.TokenGeneration(world.NewPoolId, "boris"));

        Assert.Empty(JsonNode.Parse(refresh.Payload)!["response"]!.AsObject());
        Assert.NotNull(JsonNode.Parse(signIn.Payload)!["response"]!["claimsOverrideDetails"]);
    }

    [Fact]
    public async Task Adapter_ItemPastItsExpiryNotYetDeletedByTtl_GrantsNothing()
    {
        var clock = new ManualClock();
        var store = new DynamoDbGroupHandOver(GroupHandOverOnDynaliteFixture.Table, world.Dynamo, clock);
        await store.PutAsync(new GroupHandOverEntry("pool_expiry", "cleo", true, ["staff"], false, clock.GetUtcNow().AddMinutes(5)), CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        Assert.Null(await store.TakeAsync("pool_expiry", "cleo", CancellationToken.None));
    }

    [Fact]
    public async Task Adapter_CaseSensitiveEntry_OtherSpellingNeitherTakesNorRemovesItAndATakeHappensOnce()
    {
        var clock = new ManualClock();
        var store = new DynamoDbGroupHandOver(GroupHandOverOnDynaliteFixture.Table, world.Dynamo, clock);
        await store.PutAsync(new GroupHandOverEntry("pool_case", "Quinn", true, ["admins"], false, clock.GetUtcNow().AddMinutes(65)), CancellationToken.None);

        Assert.Null(await store.TakeAsync("pool_case", "quinn", CancellationToken.None));
        Assert.Equal(["admins"], (await store.TakeAsync("pool_case", "Quinn", CancellationToken.None))!.Groups);
        Assert.Null(await store.TakeAsync("pool_case", "Quinn", CancellationToken.None));
    }

    [Fact]
    public async Task Adapter_TwoUsersWhoseNamesDifferOnlyInCaseInACaseSensitivePool_EachKeepsAndTakesTheirOwnGroups()
    {
        // Admin and admin are two users of a case-sensitive pool; migrating within the same minutes, neither entry may
        // overwrite the other (the admin would arrive without their groups) nor be taken by the other.
        var clock = new ManualClock();
        var store = new DynamoDbGroupHandOver(GroupHandOverOnDynaliteFixture.Table, world.Dynamo, clock);
        await store.PutAsync(new GroupHandOverEntry("pool_pair", "Admin", true, ["admins"], false, clock.GetUtcNow().AddMinutes(5)), CancellationToken.None);
        await store.PutAsync(new GroupHandOverEntry("pool_pair", "admin", true, ["readers"], false, clock.GetUtcNow().AddMinutes(5)), CancellationToken.None);

        Assert.Equal(["readers"], (await store.TakeAsync("pool_pair", "admin", CancellationToken.None))!.Groups);
        Assert.Equal(["admins"], (await store.TakeAsync("pool_pair", "Admin", CancellationToken.None))!.Groups);
        Assert.Null(await store.TakeAsync("pool_pair", "ADMIN", CancellationToken.None));
    }

    [Fact]
    public async Task Adapter_CaseInsensitiveEntry_AnySpellingTakesIt()
    {
        var clock = new ManualClock();
        var store = new DynamoDbGroupHandOver(GroupHandOverOnDynaliteFixture.Table, world.Dynamo, clock);
        await store.PutAsync(new GroupHandOverEntry("pool_fold", "Rory", false, ["staff"], true, clock.GetUtcNow().AddMinutes(5)), CancellationToken.None);

        var taken = await store.TakeAsync("pool_fold", "RORY", CancellationToken.None);

        Assert.Equal(["staff"], taken!.Groups);
        Assert.True(taken.Applied);
    }

    [Fact]
    public async Task Adapter_TableMissing_ThrowsUnavailableNamingTheTableRoleNotTheUser()
    {
        var store = new DynamoDbGroupHandOver("no-such-table", world.Dynamo, new ManualClock());

        var error = await Assert.ThrowsAsync<UserDirectoryUnavailableException>(() => store.TakeAsync("pool_x", "amelia", CancellationToken.None));

        Assert.Equal("group hand-over ResourceNotFoundException", error.Reason);
        Assert.False(error.Transient);
    }
}
