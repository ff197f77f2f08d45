using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.IntegrationTests.Support;
using Trigger.Testing;

namespace Trigger.IntegrationTests.Aws.Cognito;

/// <summary>
/// ListUsers and the all-pages listing of the product client against cognito-local, which filters
/// but never pages (every match in one page, no token; EMULATOR-NOTES.md). Paging over many pages is
/// exercised against FakeCognito by the tests under Testing/FakeCognito.
/// </summary>
[Slow]
[Collection(CognitoLocalCollection.Name)]
public sealed class CognitoClientListUsersOnCognitoLocalTests(CognitoLocalFixture fixture)
{
    private const string Password = "List-Local-4nP!";

    private static async Task SeedTeamAsync(CognitoLocalClientSetup setup)
    {
        await setup.SeedUserAsync("ada", Password, u => u with { Email = "ada@team.example" });
        await setup.SeedUserAsync("adam", Password, u => u with { Email = "adam@team.example" });
        await setup.SeedUserAsync("bob", Password, u => u with { Email = "bob@other.example" });
    }

    private static string[] Usernames(IEnumerable<UserType>? users) =>
        [.. (users ?? []).Select(u => u.Username ?? string.Empty).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task ListUsersAsync_EmailEqualsFilter_ReturnsOnlyTheMatch()
    {
        using var setup = await CognitoLocalClientSetup.StartAsync(fixture);
        await SeedTeamAsync(setup);

        var page = await setup.Client.ListUsersAsync(new ListUsersRequest { UserPoolId = setup.PoolId, Filter = "email = \"ada@team.example\"" });

        var user = Assert.Single(page.Users ?? []);
        Assert.Equal(("ada", UserStatusType.Confirmed), (user.Username, user.UserStatus));
        Assert.Contains(user.Attributes ?? [], a => a is { Name: "email", Value: "ada@team.example" });
    }

    [Fact]
    public async Task ListUsersAsync_EmailPrefixFilter_ReturnsEveryMatchAndNoOther()
    {
        using var setup = await CognitoLocalClientSetup.StartAsync(fixture);
        await SeedTeamAsync(setup);

        var page = await setup.Client.ListUsersAsync(new ListUsersRequest { UserPoolId = setup.PoolId, Filter = "email ^= \"ada\"" });

        Assert.Equal(["ada", "adam"], Usernames(page.Users));
    }

    [Fact]
    public async Task ListUsersAsync_UnknownPool_ThrowsResourceNotFoundException()
    {
        using var setup = await CognitoLocalClientSetup.StartAsync(fixture);

        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            setup.Client.ListUsersAsync(new ListUsersRequest { UserPoolId = "local_nopool00" }));

        Assert.Equal(nameof(ResourceNotFoundException), error.ErrorCode);
    }

    [Fact]
    public async Task ListAllUsersAsync_SinglePageWithoutToken_YieldsEveryUserAfterOneCall()
    {
        using var setup = await CognitoLocalClientSetup.StartAsync(fixture);
        await SeedTeamAsync(setup);

        var users = await setup.Client.ListAllUsersAsync(new ListUsersRequest { UserPoolId = setup.PoolId, Limit = 1 }).ToListAsync();

        Assert.Equal(["ada", "adam", "bob"], Usernames(users));
        Assert.Equal(1, setup.Counter["ListUsers"]);
    }

    [Fact]
    public async Task ListAllUsersAsync_WithFilter_YieldsOnlyTheMatches()
    {
        using var setup = await CognitoLocalClientSetup.StartAsync(fixture);
        await SeedTeamAsync(setup);

        var users = await setup.Client.ListAllUsersAsync(new ListUsersRequest { UserPoolId = setup.PoolId, Filter = "email ^= \"bob\"" }).ToListAsync();

        Assert.Equal(["bob"], Usernames(users));
    }
}
