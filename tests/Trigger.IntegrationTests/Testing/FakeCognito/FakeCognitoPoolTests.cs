using System.Text.Json.Nodes;
using Trigger.IntegrationTests.Support;
using Trigger.Testing;

namespace Trigger.IntegrationTests.Testing.FakeCognito;

public sealed class FakeCognitoPoolTests
{
    [Fact]
    public async Task UpdateUserPool_LambdaConfigLeftOut_ResetsIt()
    {
        await using var setup = await FakeCognitoSetup.StartAsync(pool: new PoolSpec("new")
        {
            LambdaConfig = new Dictionary<string, string> { ["UserMigration"] = "arn:aws:lambda:us-east-1:123456789012:function:migrate" },
            MfaConfiguration = "OPTIONAL",
        });

        await setup.Admin.SendAsync("UpdateUserPool", new JsonObject { ["UserPoolId"] = setup.PoolId, ["MfaConfiguration"] = "OPTIONAL" });

        var pool = await setup.Admin.DescribeUserPoolAsync(setup.PoolId);
        Assert.Empty(pool["LambdaConfig"]!.AsObject());
        Assert.Equal("OPTIONAL", pool["MfaConfiguration"]!.GetValue<string>());
    }

    [Fact]
    public async Task DescribeUserPool_CreatedWithSpec_EchoesPolicySchemaAndAliases()
    {
        await using var setup = await FakeCognitoSetup.StartAsync(pool: new PoolSpec("new")
        {
            AliasAttributes = ["email"],
            PasswordPolicy = new PasswordPolicySpec { MinimumLength = 12, RequireSymbols = false },
            Schema = [new SchemaAttributeSpec("custom:tier"), new SchemaAttributeSpec("email") { Required = true }],
        });

        var pool = await setup.Admin.DescribeUserPoolAsync(setup.PoolId);

        Assert.Equal(12, pool["Policies"]!["PasswordPolicy"]!["MinimumLength"]!.GetValue<int>());
        Assert.Equal(["email"], pool["AliasAttributes"]!.AsArray().Select(a => a!.GetValue<string>()));
        var schema = pool["SchemaAttributes"]!.AsArray();
        Assert.Contains(schema, a => a!["Name"]!.GetValue<string>() == "custom:tier");
        Assert.True(schema.Single(a => a!["Name"]!.GetValue<string>() == "email")!["Required"]!.GetValue<bool>());
    }

    [Fact]
    public async Task DescribeUserPool_UnknownPool_AnswersResourceNotFound()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();

        var error = await Assert.ThrowsAsync<CognitoApiException>(() => setup.Admin.DescribeUserPoolAsync("us-east-1_missing00"));

        Assert.Equal("ResourceNotFoundException", error.ErrorType);
    }

    [Fact]
    public async Task DescribeUserPoolClient_ClientWithSecret_ReturnsSecretAndFlows()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        var client = await setup.CreateClientAsync(withSecret: true);

        var answer = await setup.Admin.SendAsync("DescribeUserPoolClient", new JsonObject { ["UserPoolId"] = setup.PoolId, ["ClientId"] = client.ClientId });

        var described = answer["UserPoolClient"]!;
        Assert.Equal(client.ClientSecret, described["ClientSecret"]!.GetValue<string>());
        Assert.Contains("ALLOW_ADMIN_USER_PASSWORD_AUTH", described["ExplicitAuthFlows"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Fact]
    public async Task ListUserPoolClients_MaxResultsTwoOfThree_PagesWithNextToken()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await setup.CreateClientAsync();
        }

        var first = await setup.Admin.SendAsync("ListUserPoolClients", new JsonObject { ["UserPoolId"] = setup.PoolId, ["MaxResults"] = 2 });
        var second = await setup.Admin.SendAsync("ListUserPoolClients", new JsonObject
        {
            ["UserPoolId"] = setup.PoolId, ["MaxResults"] = 2, ["NextToken"] = first["NextToken"]!.GetValue<string>(),
        });

        Assert.Equal((2, 1), (first["UserPoolClients"]!.AsArray().Count, second["UserPoolClients"]!.AsArray().Count));
        Assert.Null(second["NextToken"]);
    }

    [Fact]
    public async Task AdminCreateUser_TemporaryPasswordBreakingPolicy_AnswersInvalidPassword()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();

        var error = await Assert.ThrowsAsync<CognitoApiException>(() => setup.CreateUserAsync("ada", s => s with { Status = SeededUserStatus.ForceChangePassword, Password = "short" }));

        Assert.Equal("InvalidPasswordException", error.ErrorType);
    }

    [Fact]
    public async Task AdminCreateUser_AttributeMissingFromSchema_AnswersInvalidParameter()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();

        var error = await Assert.ThrowsAsync<CognitoApiException>(() =>
            setup.CreateUserAsync("ada", s => s with { Attributes = new Dictionary<string, string> { ["custom:nope"] = "1" } }));

        Assert.Equal("InvalidParameterException", error.ErrorType);
        Assert.Contains("custom:nope", error.ServiceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminCreateUser_ExistingUsername_AnswersUsernameExists()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        await setup.CreateUserAsync("ada");

        var error = await Assert.ThrowsAsync<CognitoApiException>(() => setup.CreateUserAsync("ada"));

        Assert.Equal("UsernameExistsException", error.ErrorType);
    }

    [Fact]
    public async Task AdminCreateUser_VerifiedEmailAliasTaken_AnswersAliasExists()
    {
        await using var setup = await FakeCognitoSetup.StartAsync(pool: new PoolSpec("aliased") { AliasAttributes = ["email"] });
        await setup.CreateUserAsync("ada", s => s with { Email = "shared@example.test" });

        var error = await Assert.ThrowsAsync<CognitoApiException>(() => setup.CreateUserAsync("ada2", s => s with { Email = "shared@example.test" }));

        Assert.Equal("AliasExistsException", error.ErrorType);
    }

    [Fact]
    public async Task AdminCreateUser_ForceAliasCreation_MovesTheAliasToTheNewUser()
    {
        await using var setup = await FakeCognitoSetup.StartAsync(pool: new PoolSpec("aliased") { AliasAttributes = ["email"] });
        await setup.CreateUserAsync("ada", s => s with { Email = "shared@example.test" });

        await setup.Admin.SendAsync("AdminCreateUser", new JsonObject
        {
            ["UserPoolId"] = setup.PoolId,
            ["Username"] = "ada2",
            ["MessageAction"] = "SUPPRESS",
            ["ForceAliasCreation"] = true,
            ["UserAttributes"] = new JsonArray(
                new JsonObject { ["Name"] = "email", ["Value"] = "shared@example.test" },
                new JsonObject { ["Name"] = "email_verified", ["Value"] = "true" }),
        });

        Assert.Equal("false", (await setup.Admin.GetUserAsync(setup.PoolId, "ada"))["email_verified"]);
        Assert.Equal("ada2", (await setup.Admin.GetUserAsync(setup.PoolId, "shared@example.test")).Username);
    }

    [Fact]
    public async Task AdminCreateUser_PoolWithEmailAsUsername_StoresUnderGeneratedUsername()
    {
        await using var setup = await FakeCognitoSetup.StartAsync(pool: new PoolSpec("by-email") { UsernameAttributes = ["email"] });

        var user = await setup.CreateUserAsync("ada@example.test");

        Assert.NotEqual("ada@example.test", user.Username);
        Assert.Equal(("ada@example.test", user.Username), (user["email"], user["sub"]));
    }
}
