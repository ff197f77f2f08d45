using System.Text.Json.Nodes;
using Trigger.IntegrationTests.Support;
using Trigger.Testing;
using Trigger.Testing.Lambda;
using static Trigger.IntegrationTests.Support.CognitoLocalMigrationFixture;

namespace Trigger.IntegrationTests.SignInMigration;

/// <summary>
/// Sign-in migration end to end: an app signs in on the new cognito-local, which invokes the real published
/// bootstrap through the bridge, which authenticates against the old cognito-local. Each test uses its own user.
/// </summary>
[Slow]
[Collection(CognitoLocalMigrationCollection.Name)]
public sealed class SignInMigrationEndToEndTests(CognitoLocalMigrationFixture world)
{
    [Fact]
    public async Task SignIn_UsernameAndOldPassword_MigratedConfirmedWithAttributes()
    {
        var answer = await world.SignInAsync("alice", Password);

        Assert.NotNull(answer["AuthenticationResult"]?["AccessToken"]);
        var user = await world.NewUserOrNullAsync("alice");
        Assert.NotNull(user);
        Assert.Equal("CONFIRMED", user.UserStatus);
        Assert.Equal("alice@example.com", user["email"]);
        Assert.Equal("true", user["email_verified"]);
        Assert.Equal("ally", user["preferred_username"]);
        Assert.Equal("Alice", user["given_name"]);
        Assert.Equal("acme", user["custom:tenant"]);
    }

    [Fact]
    public async Task SignIn_AttributeTheNewSchemaLacks_DroppedNotFatal()
    {
        await world.SignInAsync("alice", Password);

        var user = await world.NewUserOrNullAsync("alice");
        Assert.Null(user!["custom:tier"]);
    }

    [Fact]
    public async Task SignIn_EmailAlias_KeepsOldUsername()
    {
        var shimsBefore = world.Bridge.ShimApplications.Count;

        await world.SignInAsync("bob@example.com", Password);

        var user = await world.NewUserOrNullAsync("bob");
        Assert.NotNull(user);
        Assert.Equal("bob@example.com", user["email"]);
        Assert.Equal(shimsBefore, world.Bridge.ShimApplications.Count);
    }

    [Fact]
    public async Task SignIn_PreferredUsernameAlias_KeepsOldUsername()
    {
        await world.SignInAsync("caz", Password);

        Assert.NotNull(await world.NewUserOrNullAsync("carol"));
    }

    [Fact]
    public async Task SignIn_WrongPassword_RejectedAndNobodyCreated()
    {
        var error = await Assert.ThrowsAsync<CognitoApiException>(() => world.SignInAsync("dave", WrongPassword));

        Assert.Equal("NotAuthorizedException", error.ErrorType);
        Assert.Null(await world.NewUserOrNullAsync("dave"));
    }

    [Fact]
    public async Task SignIn_UnknownUser_RejectedExactlyLikeAWrongPassword()
    {
        var unknown = await Assert.ThrowsAsync<CognitoApiException>(() => world.SignInAsync("nobody-here", Password));
        // dave never migrates in these tests, so his wrong password also goes through the trigger.
        var wrong = await Assert.ThrowsAsync<CognitoApiException>(() => world.SignInAsync("dave", WrongPassword));

        Assert.Equal(wrong.ErrorType, unknown.ErrorType);
        Assert.Equal(wrong.ServiceMessage, unknown.ServiceMessage);
    }

    [Fact]
    public async Task SignIn_DisabledOldUser_RejectedAndNobodyCreated()
    {
        await Assert.ThrowsAsync<CognitoApiException>(() => world.SignInAsync("erin", Password));

        Assert.Null(await world.NewUserOrNullAsync("erin"));
    }

    [Fact]
    public async Task SignIn_TemporaryPassword_NeverConfirmedButResetRequired()
    {
        await Assert.ThrowsAsync<CognitoApiException>(() => world.SignInAsync("frank", TemporaryPassword));

        var user = await world.NewUserOrNullAsync("frank");
        Assert.NotNull(user);
        Assert.Equal("RESET_REQUIRED", user.UserStatus);
    }

    [Fact]
    public async Task SignIn_UnverifiedEmail_StaysUnverified()
    {
        await world.SignInAsync("grace", Password);

        var user = await world.NewUserOrNullAsync("grace");
        Assert.Equal("false", user!["email_verified"]);
    }

    [Fact]
    public async Task SignIn_SecondTime_DoesNotInvokeTheFunction()
    {
        await world.SignInAsync("ivan", Password);
        var invocations = world.Bridge.Invocations;

        var again = await world.SignInAsync("ivan", Password);

        Assert.NotNull(again["AuthenticationResult"]);
        Assert.Equal(invocations, world.Bridge.Invocations);
    }

    [Fact]
    public async Task Invoke_Migration_ResponseHasNoSubAndNoCognitoAttributes()
    {
        var result = await world.Bridge.InvokeAsync(TriggerEvents.SignIn(world.NewPoolId, "alice", Password));

        var attributes = JsonNode.Parse(result.Payload)!["response"]!["userAttributes"]!.AsObject();
        Assert.NotEmpty(attributes);
        Assert.DoesNotContain(attributes, a => a.Key == "sub" || a.Key.StartsWith("cognito:", StringComparison.Ordinal));
        Assert.Equal("CONFIRMED", JsonNode.Parse(result.Payload)!["response"]!["finalUserStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invoke_UnknownUser_FunctionAnswersAnEmptyResponseNotAnError()
    {
        var result = await world.Bridge.InvokeAsync(TriggerEvents.SignIn(world.NewPoolId, "nobody-at-all", Password));

        // The shim turns only an empty *successful* answer into cognito-local's rejection; it leaves function
        // errors alone. So its record for this request proves the function itself answered an empty response.
        Assert.Contains(world.Bridge.ShimApplications, s => s.RequestId == result.RequestId && s.Shim == CognitoLocalShim.EmptyResponseRejected);
    }

    [Fact]
    public async Task WholeRun_PrintedOutput_ContainsNoPassword()
    {
        await world.SignInAsync("heidi", Password);
        await Assert.ThrowsAnyAsync<CognitoApiException>(() => world.SignInAsync("dave", WrongPassword));
        await Assert.ThrowsAnyAsync<CognitoApiException>(() => world.SignInAsync("frank", TemporaryPassword));
        Assert.True(await BridgeOutput.AllInvocationsLoggedAsync(world.Bridge));

        var output = world.AllOutput;
        Assert.NotEmpty(world.Bridge.StandardOutput);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongPassword, output, StringComparison.Ordinal);
        Assert.DoesNotContain(TemporaryPassword, output, StringComparison.Ordinal);
    }
}
