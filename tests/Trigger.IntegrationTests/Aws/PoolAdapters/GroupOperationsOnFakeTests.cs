using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Aws.PoolAdapters;
using Trigger.IntegrationTests.Support;
using Trigger.Migration.Ports;

namespace Trigger.IntegrationTests.Aws.PoolAdapters;

/// <summary>
/// The group operations against FakeCognito, which (unlike cognito-local) pages short and throttles: every
/// listing follows NextToken across short and empty pages, and the adapters ride out throttling.
/// </summary>
public sealed class GroupOperationsOnFakeTests : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => _http.Dispose();

    private CognitoIdentityProviderClient ClientFor(FakeCognitoSetup setup) =>
        LocalAwsClients.Cognito(setup.Fake.Endpoint, _http, LocalAwsClients.QuickRetries());

    private static async Task<FakeCognitoSetup> WithGroupsAsync(int groups, string member)
    {
        var setup = await FakeCognitoSetup.StartAsync();
        await setup.CreateUserAsync(member);
        for (var i = 0; i < groups; i++)
        {
            var name = $"group-{i:D3}";
            await setup.Admin.CreateGroupAsync(setup.PoolId, name, precedence: i);
            await setup.Admin.AddUserToGroupAsync(setup.PoolId, member, name);
        }

        return setup;
    }

    [Fact]
    public async Task ListAllGroupsForUserAsync_ShortAndEmptyPages_ReadsEveryGroupOnce()
    {
        await using var setup = await WithGroupsAsync(7, "ada");
        var pages = 0;
        // 2, 0, 2, 0, ... items a page: an empty page with a token must not end the listing.
        setup.Fake.GroupPageSize = (_, _) => pages++ % 2 == 0 ? 2 : 0;

        var names = new List<string>();
        await foreach (var group in ClientFor(setup).ListAllGroupsForUserAsync(
            new AdminListGroupsForUserRequest { UserPoolId = setup.PoolId, Username = "ada", Limit = 60 }))
        {
            names.Add(group.GroupName!);
        }

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"group-{i:D3}"), names);
        Assert.True(setup.Fake.CallsTo("AdminListGroupsForUser").Count >= 7);
    }

    [Fact]
    public async Task ListAllGroupsAsync_ShortPages_ReadsEveryDefinition()
    {
        await using var setup = await WithGroupsAsync(5, "ada");
        setup.Fake.GroupPageSize = (operation, _) => operation == "ListGroups" ? 1 : 60;

        var groups = new List<GroupType>();
        await foreach (var group in ClientFor(setup).ListAllGroupsAsync(new ListGroupsRequest { UserPoolId = setup.PoolId }))
        {
            groups.Add(group);
        }

        Assert.Equal(5, groups.Count);
        Assert.Equal([0, 1, 2, 3, 4], groups.Select(g => g.Precedence!.Value));
        Assert.Equal(5, setup.Fake.CallsTo("ListGroups").Count);
    }

    [Fact]
    public async Task ListAllUsersInGroupAsync_ShortPages_ReadsEveryMember()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        await setup.Admin.CreateGroupAsync(setup.PoolId, "staff");
        foreach (var name in new[] { "ada", "bob", "cy", "dee" })
        {
            await setup.CreateUserAsync(name);
            await setup.Admin.AddUserToGroupAsync(setup.PoolId, name, "staff");
        }

        setup.Fake.GroupPageSize = (_, _) => 1;

        var members = new List<string>();
        await foreach (var user in ClientFor(setup).ListAllUsersInGroupAsync(new ListUsersInGroupRequest { UserPoolId = setup.PoolId, GroupName = "staff" }))
        {
            members.Add(user.Username!);
        }

        Assert.Equal(["ada", "bob", "cy", "dee"], members);
    }

    [Fact]
    public async Task OldGroupMemberships_ThrottledThenShortPages_ReturnsEveryGroup()
    {
        await using var setup = await WithGroupsAsync(3, "ada");
        setup.Fake.GroupPageSize = (_, _) => 1;
        setup.Fake.Faults.ThrottleNext("AdminListGroupsForUser", times: 2);

        var groups = await new CognitoOldGroupMemberships(ClientFor(setup), setup.PoolId).GroupsOfAsync("ada", CancellationToken.None);

        Assert.Equal(["group-000", "group-001", "group-002"], groups);
    }

    [Fact]
    public async Task OldGroupMemberships_ThrottledPastTheRetries_ThrowsUnavailableTransient()
    {
        await using var setup = await WithGroupsAsync(1, "ada");
        setup.Fake.Faults.ThrottleNext("AdminListGroupsForUser", times: 10);

        var error = await Assert.ThrowsAsync<UserDirectoryUnavailableException>(() =>
            new CognitoOldGroupMemberships(ClientFor(setup), setup.PoolId).GroupsOfAsync("ada", CancellationToken.None));

        Assert.True(error.Transient);
        Assert.Equal(nameof(TooManyRequestsException), error.Reason);
    }

    [Fact]
    public async Task NewGroupMemberships_GroupMissing_FalseAndOthersAdded()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        await setup.CreateUserAsync("ada");
        await setup.Admin.CreateGroupAsync(setup.PoolId, "staff");
        var sut = new CognitoNewGroupMemberships(ClientFor(setup));

        Assert.False(await sut.AddAsync(setup.PoolId, "ada", "auditors", CancellationToken.None));
        Assert.True(await sut.AddAsync(setup.PoolId, "ada", "staff", CancellationToken.None));
        Assert.True(await sut.AddAsync(setup.PoolId, "ada", "staff", CancellationToken.None));

        Assert.Equal(["staff"], await setup.Admin.GroupsOfAsync(setup.PoolId, "ada"));
    }

    [Fact]
    public async Task CreateGroupAsync_NameTaken_ThrowsGroupExistsException()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        var client = ClientFor(setup);
        await client.CreateGroupAsync(new CreateGroupRequest { UserPoolId = setup.PoolId, GroupName = "staff" });

        await Assert.ThrowsAsync<GroupExistsException>(() => client.CreateGroupAsync(new CreateGroupRequest { UserPoolId = setup.PoolId, GroupName = "staff" }));
    }
}
