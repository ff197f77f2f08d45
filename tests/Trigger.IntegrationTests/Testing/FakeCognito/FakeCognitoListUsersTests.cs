using System.Text.Json.Nodes;
using Trigger.IntegrationTests.Support;
using Trigger.Testing;

namespace Trigger.IntegrationTests.Testing.FakeCognito;

public sealed class FakeCognitoListUsersTests
{
    private static async Task<FakeCognitoSetup> WithUsersAsync(int count, Func<int, Func<UserSpec, UserSpec>>? adjust = null)
    {
        var setup = await FakeCognitoSetup.StartAsync();
        for (var i = 0; i < count; i++)
        {
            await setup.CreateUserAsync($"user{i:D3}", adjust?.Invoke(i));
        }

        return setup;
    }

    [Fact]
    public async Task ListUsers_ShortPages_ReturnsEveryUserAcrossPagesWithTokens()
    {
        await using var setup = await WithUsersAsync(25);
        int[] sizes = [3, 0, 7, 1];
        var call = 0;
        setup.Fake.ListUsersPageSize = _ => sizes[call++ % sizes.Length];
        var seen = new List<string>();
        var pages = 0;
        var emptyPagesWithToken = 0;
        string? token = null;

        do
        {
            var request = new JsonObject { ["UserPoolId"] = setup.PoolId };
            if (token is not null)
            {
                request["PaginationToken"] = token;
            }

            var answer = await setup.Admin.SendAsync("ListUsers", request);
            var users = answer["Users"]!.AsArray();
            token = answer["PaginationToken"]?.GetValue<string>();
            pages++;
            emptyPagesWithToken += users.Count == 0 && token is not null ? 1 : 0;
            seen.AddRange(users.Select(u => u!["Username"]!.GetValue<string>()));
        }
        while (token is not null && pages < 100);

        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"user{i:D3}"), seen);
        Assert.True(pages > 3, $"expected several short pages, got {pages}");
        Assert.True(emptyPagesWithToken > 0);
    }

    [Fact]
    public async Task ListUsers_LimitTen_ReturnsPagesOfTenWithTokenUntilTheLast()
    {
        await using var setup = await WithUsersAsync(25);

        var first = await setup.Admin.SendAsync("ListUsers", new JsonObject { ["UserPoolId"] = setup.PoolId, ["Limit"] = 10 });
        var second = await setup.Admin.SendAsync("ListUsers", new JsonObject
        {
            ["UserPoolId"] = setup.PoolId, ["Limit"] = 10, ["PaginationToken"] = first["PaginationToken"]!.GetValue<string>(),
        });
        var third = await setup.Admin.SendAsync("ListUsers", new JsonObject
        {
            ["UserPoolId"] = setup.PoolId, ["Limit"] = 10, ["PaginationToken"] = second["PaginationToken"]!.GetValue<string>(),
        });

        Assert.Equal([10, 10, 5], new[] { first, second, third }.Select(a => a["Users"]!.AsArray().Count));
        Assert.Null(third["PaginationToken"]);
    }

    [Fact]
    public async Task ListUsers_LimitOverSixty_AnswersInvalidParameter()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();

        var error = await Assert.ThrowsAsync<CognitoApiException>(() =>
            setup.Admin.SendAsync("ListUsers", new JsonObject { ["UserPoolId"] = setup.PoolId, ["Limit"] = 61 }));

        Assert.Equal("InvalidParameterException", error.ErrorType);
    }

    [Fact]
    public async Task ListUsers_EmailEqualsFilter_ReturnsOnlyTheMatch()
    {
        await using var setup = await WithUsersAsync(3, i => s => s with { Email = $"u{i}@example.test" });

        var users = await setup.Admin.ListUsersAsync(setup.PoolId, "email = \"u1@example.test\"");

        Assert.Equal("user001", Assert.Single(users).Username);
    }

    [Fact]
    public async Task ListUsers_PrefixFilterWithSmallLimit_ReturnsEveryMatchAcrossPages()
    {
        await using var setup = await WithUsersAsync(12, i => s => s with { PreferredUsername = i % 2 == 0 ? $"even{i}" : $"odd{i}" });

        var users = await setup.Admin.ListUsersAsync(setup.PoolId, "preferred_username ^= \"even\"", limit: 2);

        Assert.Equal(6, users.Count);
        Assert.All(users, u => Assert.StartsWith("even", u["preferred_username"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListUsers_StatusDisabledFilter_ReturnsDisabledUsers()
    {
        await using var setup = await WithUsersAsync(3, i => s => s with { Enabled = i != 1 });

        var users = await setup.Admin.ListUsersAsync(setup.PoolId, "status = \"Disabled\"");

        Assert.Equal("user001", Assert.Single(users).Username);
    }

    [Fact]
    public async Task ListUsers_UserStatusFilterInLowerCase_MatchesCaseInsensitively()
    {
        await using var setup = await WithUsersAsync(2, i => s => s with { Status = i == 0 ? SeededUserStatus.ForceChangePassword : SeededUserStatus.Confirmed });

        var users = await setup.Admin.ListUsersAsync(setup.PoolId, "cognito:user_status = \"force_change_password\"");

        Assert.Equal("user000", Assert.Single(users).Username);
    }

    [Fact]
    public async Task ListUsers_CustomAttributeFilter_AnswersInvalidParameter()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();

        var error = await Assert.ThrowsAsync<CognitoApiException>(() => setup.Admin.ListUsersAsync(setup.PoolId, "custom:legacy_id = \"1\""));

        Assert.Equal("InvalidParameterException", error.ErrorType);
    }

    [Fact]
    public async Task ListUsers_AttributesToGet_ReturnsOnlyThoseAttributes()
    {
        await using var setup = await WithUsersAsync(1, _ => s => s with { Email = "a@example.test", PreferredUsername = "a" });

        var answer = await setup.Admin.SendAsync("ListUsers", new JsonObject
        {
            ["UserPoolId"] = setup.PoolId,
            ["AttributesToGet"] = new JsonArray("email"),
        });

        var names = answer["Users"]![0]!["Attributes"]!.AsArray().Select(a => a!["Name"]!.GetValue<string>());
        Assert.Equal(["email"], names);
    }
}
