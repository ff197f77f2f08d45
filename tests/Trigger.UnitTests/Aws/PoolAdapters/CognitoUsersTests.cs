using Trigger.Aws.Cognito;
using Trigger.Aws.PoolAdapters;

namespace Trigger.UnitTests.Aws;

public sealed class CognitoUsersTests
{
    [Fact]
    public void ToOldUser_AdminGetUserWithoutEnabled_EnabledUnknown() =>
        Assert.Null(CognitoUsers.ToOldUser(new AdminGetUserResponse { Username = "ann", UserStatus = "CONFIRMED" }).Enabled);

    [Fact]
    public void ToOldUser_ListUsersEntryWithoutEnabled_EnabledUnknown() =>
        Assert.Null(CognitoUsers.ToOldUser(new UserType { Username = "ann", UserStatus = "CONFIRMED" }).Enabled);

    [Fact]
    public void ToOldUser_EnabledGiven_Kept() =>
        Assert.True(CognitoUsers.ToOldUser(new UserType { Username = "ann", Enabled = true }).Enabled);
}
