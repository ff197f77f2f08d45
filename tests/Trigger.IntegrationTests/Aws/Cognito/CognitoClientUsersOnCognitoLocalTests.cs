using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.IntegrationTests.Support;
using Trigger.Testing;

namespace Trigger.IntegrationTests.Aws.Cognito;

/// <summary>AdminGetUser, AdminCreateUser and AdminSetUserPassword of the product client against cognito-local.</summary>
[Slow]
[Collection(CognitoLocalCollection.Name)]
public sealed class CognitoClientUsersOnCognitoLocalTests(CognitoLocalFixture fixture)
{
    private const string Password = "Users-Local-5wK!";
    private const string TemporaryPassword = "Temp-Local-8mB!";
    private const string NewPassword = "Fresh-Local-2zR!";

    private static Dictionary<string, string?> ByName(IEnumerable<AttributeType>? attributes) =>
        (attributes ?? []).ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);

    [Fact]
    public async Task AdminGetUserAsync_SeededUser_ReturnsAttributesStatusAndEnabled()
    {
        using var setup = await CognitoLocalClientSetup.StartAsync(fixture);
        await setup.SeedUserAsync("ada", Password, u => u with
        {
            Email = "ada@example.test",
            PhoneNumber = "+15555550100",
            Attributes = new Dictionary<string, string> { ["custom:legacy_id"] = "42", ["given_name"] = "Ada" },
        });

        var user = await setup.Client.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = setup.PoolId, Username = "ada" });

        Assert.Equal(("ada", UserStatusType.Confirmed, true), (user.Username, user.UserStatus, user.Enabled));
        var attributes = ByName(user.UserAttributes);
        Assert.Equal("ada@example.test", attributes["email"]);
        Assert.Equal("true", attributes["email_verified"]);
        Assert.Equal("+15555550100", attributes["phone_number"]);
        Assert.Equal("42", attributes["custom:legacy_id"]);
        Assert.Equal("Ada", attributes["given_name"]);
        Assert.False(string.IsNullOrEmpty(attributes["sub"]));
        Assert.NotNull(user.UserCreateDate);
    }

    [Fact]
    public async Task AdminGetUserAsync_DisabledUser_ReportsEnabledFalse()
    {
        using var setup = await CognitoLocalClientSetup.StartAsync(fixture);
        await setup.SeedUserAsync("off", Password, u => u with { Enabled = false });

        var user = await setup.Client.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = setup.PoolId, Username = "off" });

        Assert.Equal((false, UserStatusType.Confirmed), (user.Enabled, user.UserStatus));
    }

    [Fact]
    public async Task AdminGetUserAsync_UnknownUser_ThrowsUserNotFoundExceptionWithoutRetrying()
    {
        using var setup = await CognitoLocalClientSetup.StartAsync(fixture);

        var error = await Assert.ThrowsAsync<UserNotFoundException>(() =>
            setup.Client.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = setup.PoolId, Username = "nobody" }));

        Assert.Equal(nameof(UserNotFoundException), error.ErrorCode);
        Assert.Equal(1, setup.Counter["AdminGetUser"]);
    }

    [Fact]
    public async Task AdminGetUserAsync_UnknownPool_ThrowsResourceNotFoundException()
    {
        using var setup = await CognitoLocalClientSetup.StartAsync(fixture);

        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            setup.Client.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = "local_nopool00", Username = "ada" }));

        Assert.Contains("local_nopool00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminCreateUserAsync_MessageActionSuppress_CreatesForceChangePasswordUserWithSub()
    {
        using var setup = await CognitoLocalClientSetup.StartAsync(fixture);
        var request = new AdminCreateUserRequest
        {
            UserPoolId = setup.PoolId,
            Username = "grace",
            TemporaryPassword = TemporaryPassword,
            MessageAction = "SUPPRESS",
            UserAttributes =
            [
                new AttributeType { Name = "email", Value = "grace@example.test" },
                new AttributeType { Name = "email_verified", Value = "true" },
                new AttributeType { Name = "custom:legacy_id", Value = "7" },
            ],
        };

        var created = await setup.Client.AdminCreateUserAsync(request);
        var readBack = await setup.Client.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = setup.PoolId, Username = "grace" });

        var user = Assert.IsType<UserType>(created.User);
        Assert.Equal(("grace", UserStatusType.ForceChangePassword, true), (user.Username, user.UserStatus, user.Enabled));
        Assert.False(string.IsNullOrEmpty(ByName(user.Attributes)["sub"]));
        Assert.Equal((UserStatusType.ForceChangePassword, "7"), (readBack.UserStatus, ByName(readBack.UserAttributes)["custom:legacy_id"]));
        SecretAssert.Absent(request.ToString(), TemporaryPassword);
        // SUPPRESS: cognito-local prints no invitation box, which would hold the temporary password.
        SecretAssert.Absent(fixture.Server.Output, TemporaryPassword);
    }

    [Fact]
    public async Task AdminCreateUserAsync_TakenUsername_ThrowsUsernameExistsExceptionWithoutThePassword()
    {
        using var setup = await CognitoLocalClientSetup.StartAsync(fixture);
        await setup.SeedUserAsync("ada", Password);
        var request = new AdminCreateUserRequest
        {
            UserPoolId = setup.PoolId,
            Username = "ada",
            TemporaryPassword = TemporaryPassword,
            MessageAction = "SUPPRESS",
        };

        var error = await Assert.ThrowsAsync<UsernameExistsException>(() => setup.Client.AdminCreateUserAsync(request));

        Assert.Equal(nameof(UsernameExistsException), error.ErrorCode);
        SecretAssert.Absent(error, TemporaryPassword, Password);
    }

    [Fact]
    public async Task AdminSetUserPasswordAsync_Permanent_ConfirmsTheUserAndTheNewPasswordSignsIn()
    {
        using var setup = await CognitoLocalClientSetup.StartAsync(fixture);
        await setup.Client.AdminCreateUserAsync(new AdminCreateUserRequest
        {
            UserPoolId = setup.PoolId,
            Username = "grace",
            TemporaryPassword = TemporaryPassword,
            MessageAction = "SUPPRESS",
        });
        var request = new AdminSetUserPasswordRequest { UserPoolId = setup.PoolId, Username = "grace", Password = NewPassword, Permanent = true };

        await setup.Client.AdminSetUserPasswordAsync(request);
        var user = await setup.Client.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = setup.PoolId, Username = "grace" });
        var signIn = await setup.Client.AdminInitiateAuthAsync(setup.SignIn("grace", NewPassword));

        Assert.Equal(UserStatusType.Confirmed, user.UserStatus);
        Assert.NotNull(signIn.AuthenticationResult);
        SecretAssert.Absent(request.ToString(), NewPassword);
    }

    [Fact]
    public async Task AdminSetUserPasswordAsync_NotPermanent_PutsUserInForceChangePassword()
    {
        using var setup = await CognitoLocalClientSetup.StartAsync(fixture);
        await setup.SeedUserAsync("ada", Password);

        await setup.Client.AdminSetUserPasswordAsync(
            new AdminSetUserPasswordRequest { UserPoolId = setup.PoolId, Username = "ada", Password = NewPassword, Permanent = false });
        var user = await setup.Client.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = setup.PoolId, Username = "ada" });

        Assert.Equal(UserStatusType.ForceChangePassword, user.UserStatus);
    }

    [Fact]
    public async Task AdminSetUserPasswordAsync_UnknownUser_ThrowsUserNotFoundExceptionWithoutThePassword()
    {
        using var setup = await CognitoLocalClientSetup.StartAsync(fixture);

        var error = await Assert.ThrowsAsync<UserNotFoundException>(() => setup.Client.AdminSetUserPasswordAsync(
            new AdminSetUserPasswordRequest { UserPoolId = setup.PoolId, Username = "nobody", Password = NewPassword, Permanent = true }));

        SecretAssert.Absent(error, NewPassword);
    }
}
