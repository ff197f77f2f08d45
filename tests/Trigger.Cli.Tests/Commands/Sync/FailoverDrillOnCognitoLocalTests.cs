using Trigger.Testing;

namespace Trigger.Cli.Tests.Commands.Sync;

/// <summary>What the drill of <see cref="FailoverDrillFixture"/> showed, one promise a test.</summary>
[Slow]
public sealed class FailoverDrillOnCognitoLocalTests(FailoverDrillFixture drill) : IClassFixture<FailoverDrillFixture>
{
    [Fact]
    public void Sync_FirstPass_CreatesEveryUserTheStandbyLacksAndLeavesTheCarriedOneAlone()
    {
        Assert.Equal(0, drill.FirstSync.ExitCode);
        Assert.Equal(4, drill.FirstSync.Count("created"));
        Assert.Equal(1, drill.FirstSync.Report()["unchanged"]!.GetValue<long>());
    }

    [Fact]
    public void Sync_PrimaryChangedBetweenPasses_UpdatesDisablesCreatesAndDisablesTheDeleted()
    {
        Assert.Equal(0, drill.SecondSync.ExitCode);
        Assert.Equal(2, drill.SecondSync.Count("updated"));
        Assert.Equal(1, drill.SecondSync.Count("disabled"));
        Assert.Equal(1, drill.SecondSync.Count("disabled-missing"));
        Assert.Equal(1, drill.SecondSync.Count("created"));
        Assert.Equal("Changed", drill.AfterSecondSync["changer"]!.Attributes["given_name"]);
        Assert.Equal("Carried Changed", drill.AfterSecondSync["carried"]!.Attributes["given_name"]);
        Assert.False(drill.AfterSecondSync["disabler"]!.Enabled);
        Assert.False(drill.AfterSecondSync["leaver"]!.Enabled);
        Assert.NotNull(drill.AfterSecondSync["late"]);
    }

    [Fact]
    public void Sync_PrimaryGroups_DefinitionsAndMembershipsFollowEachPass()
    {
        Assert.Equal(2, drill.FirstSync.Count("group-created"));
        Assert.Equal(3, drill.FirstSync.Count("membership-added"));
        Assert.Equal(1, drill.SecondSync.Count("membership-removed"));
        Assert.Equal(1, drill.SecondSync.Count("membership-added"));
        Assert.Equal(0, drill.ThirdSync.Count("membership-added") + drill.ThirdSync.Count("membership-removed") + drill.ThirdSync.Count("group-created"));
        Assert.Equal(["admins"], drill.GroupsAfterSecondSync["carried"]);
        Assert.Equal(["admins"], drill.GroupsAfterSecondSync["changer"]);
        Assert.Equal(["staff"], drill.GroupsAfterSecondSync["late"]);
        Assert.Empty(drill.GroupsAfterSecondSync["synced"]);
    }

    [Fact]
    public void Failover_AdminSignsInOnTheStandby_TheirTokensStillCarryTheirGroups()
    {
        var tokens = drill.CarriedSignInAfterOutage["AuthenticationResult"]!;
        Assert.Equal(["admins"], TokenClaims.Groups(tokens["IdToken"]!.GetValue<string>()));
        Assert.Equal(["admins"], TokenClaims.Groups(tokens["AccessToken"]!.GetValue<string>()));
    }

    [Fact]
    public void Sync_DeleteMissingConfirmed_DeletesTheUserThePrimaryDeleted()
    {
        Assert.Equal(0, drill.ThirdSync.ExitCode);
        Assert.Equal(1, drill.ThirdSync.Count("deleted"));
        Assert.Null(drill.AfterThirdSync["leaver"]);
        Assert.NotNull(drill.AfterThirdSync["carried"]);
    }

    [Fact]
    public void Sync_TriggerMigratedUser_PasswordNeverTouchedAndStillSignsIn()
    {
        Assert.DoesNotContain("carried", drill.PasswordCalls);
        Assert.NotNull(drill.CarriedSignInBeforeOutage["AuthenticationResult"]);
        Assert.NotNull(drill.CarriedSignInAfterOutage["AuthenticationResult"]);
    }

    [Fact]
    public void Failover_PrimaryDown_SignUpRefusedUntilTheGuardFailsOpenThenPossible()
    {
        Assert.NotNull(drill.SignUpBeforeSwitch);
        Assert.False(drill.NewcomerExistedBeforeSwitch);
        Assert.NotNull(drill.SignUpAfterSwitch["UserSub"]);
    }

    [Fact]
    public void Failover_UserWithoutACarriedPassword_ResetsThroughTheVerifiedEmailThenSignsIn()
    {
        Assert.NotNull(drill.SyncedSignInWithOldPassword);
        Assert.Equal("EMAIL", drill.ResetCodeDelivery["CodeDeliveryDetails"]?["DeliveryMedium"]?.GetValue<string>());
        Assert.NotNull(drill.SyncedSignInAfterReset["AuthenticationResult"]);
    }

    [Fact]
    public void Drill_NoPasswordInAnyOutput()
    {
        Assert.DoesNotContain(FailoverDrillFixture.Password, drill.AllOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(FailoverDrillFixture.NewPassword, drill.AllOutput, StringComparison.Ordinal);
    }
}
