using Trigger.Contract;
using Trigger.Migration.Attributes;
using Trigger.Migration.Decisions;
using Trigger.Migration.Events;
using Trigger.Migration.Ports;

namespace Trigger.UnitTests.Migration;

public sealed class SignInMigrationTests
{
    private const string Password = "Correct-horse-1";

    private static SignInMigration CreateSut(InMemoryOldPool pool, SignInMigrationOptions? options = null) =>
        new(pool, options ?? new SignInMigrationOptions());

    private static UserMigrationEvent SignIn(string name, string? password = Password) => new()
    {
        TriggerSource = TriggerSources.MigrationAuthentication,
        UserPoolId = "eu-west-1_new",
        UserName = name,
        Request = new UserMigrationRequest { Password = password },
    };

    private static UserMigrationEvent ForgotPassword(string name) => new()
    {
        TriggerSource = TriggerSources.MigrationForgotPassword,
        UserPoolId = "eu-west-1_new",
        UserName = name,
    };

    private static OldUser Alice(string status = "CONFIRMED", bool enabled = true, bool emailVerified = true) =>
        InMemoryOldPool.User("alice", status, enabled,
            ("sub", "1111-2222"), ("email", "alice@example.com"), ("email_verified", emailVerified ? "true" : "false"),
            ("preferred_username", "ally"), ("custom:tenant", "acme"), ("custom:legacy", "x"));

    [Fact]
    public async Task MigrateAsync_UsernameAndRightPassword_ConfirmedSilentlyWithoutUsernameAttribute()
    {
        var outcome = await CreateSut(new InMemoryOldPool().Add(Alice())).MigrateAsync(SignIn("alice"), CancellationToken.None);

        Assert.Null(outcome.Refusal);
        Assert.Equal("CONFIRMED", outcome.Response.FinalUserStatus);
        Assert.Equal("SUPPRESS", outcome.Response.MessageAction);
        Assert.Equal("ally", outcome.Response.UserAttributes!["preferred_username"]);
        Assert.False(outcome.Response.UserAttributes.ContainsKey("username"));
        Assert.False(outcome.Response.UserAttributes.ContainsKey("sub"));
    }

    [Fact]
    public async Task MigrateAsync_EmailAlias_ReturnsOldUsername()
    {
        var pool = new InMemoryOldPool().Add(Alice());

        var outcome = await CreateSut(pool).MigrateAsync(SignIn("alice@example.com"), CancellationToken.None);

        Assert.True(outcome.ViaAlias);
        Assert.Equal("alice", outcome.Response.UserAttributes!["username"]);
        Assert.Contains("CheckPassword alice", pool.Calls);
    }

    [Fact]
    public async Task MigrateAsync_PreferredUsernameAlias_LooksUpOnlyPlausibleAttributes()
    {
        var pool = new InMemoryOldPool().Add(Alice());

        var outcome = await CreateSut(pool).MigrateAsync(SignIn("ally"), CancellationToken.None);

        Assert.Equal("alice", outcome.Response.UserAttributes!["username"]);
        Assert.DoesNotContain("FindByAttribute email", pool.Calls);
        Assert.DoesNotContain("FindByAttribute phone_number", pool.Calls);
    }

    [Fact]
    public async Task MigrateAsync_AliasSharedByTwoOldUsers_RefusedAsAmbiguous()
    {
        var pool = new InMemoryOldPool()
            .Add(InMemoryOldPool.User("a1", attributes: ("email", "same@example.com")))
            .Add(InMemoryOldPool.User("a2", attributes: ("email", "same@example.com")));

        var outcome = await CreateSut(pool).MigrateAsync(SignIn("same@example.com"), CancellationToken.None);

        Assert.Equal(Refusal.AmbiguousSignInName, outcome.Refusal);
        Assert.Null(outcome.Response.UserAttributes);
        Assert.DoesNotContain(pool.Calls, c => c.StartsWith("CheckPassword", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MigrateAsync_WrongPassword_RefusedWithEmptyResponse()
    {
        var outcome = await CreateSut(new InMemoryOldPool().Add(Alice())).MigrateAsync(SignIn("alice", "nope"), CancellationToken.None);

        Assert.Equal(Refusal.WrongPassword, outcome.Refusal);
        Assert.Same(UserMigrationResponse.Refusal, outcome.Response);
    }

    [Fact]
    public async Task MigrateAsync_UnknownUser_RefusedWithEmptyResponse()
    {
        var outcome = await CreateSut(new InMemoryOldPool()).MigrateAsync(SignIn("nobody"), CancellationToken.None);

        Assert.Equal(Refusal.UnknownUser, outcome.Refusal);
        Assert.Same(UserMigrationResponse.Refusal, outcome.Response);
    }

    [Fact]
    public async Task MigrateAsync_DisabledUser_RefusedWithoutSpendingAPasswordAttempt()
    {
        var pool = new InMemoryOldPool().Add(Alice(enabled: false));

        var outcome = await CreateSut(pool).MigrateAsync(SignIn("alice"), CancellationToken.None);

        Assert.Equal(Refusal.UserDisabled, outcome.Refusal);
        Assert.DoesNotContain("CheckPassword alice", pool.Calls);
    }

    [Theory]
    [InlineData("UNCONFIRMED", Refusal.UserNotConfirmed)]
    [InlineData("RESET_REQUIRED", Refusal.PasswordResetRequired)]
    [InlineData("EXTERNAL_PROVIDER", Refusal.UnsupportedUserStatus)]
    [InlineData("ARCHIVED", Refusal.UnsupportedUserStatus)]
    public async Task MigrateAsync_StatusThatCannotSignIn_Refused(string status, Refusal expected)
    {
        var outcome = await CreateSut(new InMemoryOldPool().Add(Alice(status))).MigrateAsync(SignIn("alice"), CancellationToken.None);

        Assert.Equal(expected, outcome.Refusal);
    }

    [Fact]
    public async Task MigrateAsync_TemporaryPasswordWithVerifiedEmail_ResetRequiredNeverConfirmed()
    {
        var pool = new InMemoryOldPool().Add(Alice("FORCE_CHANGE_PASSWORD"), forcedCheck: PasswordCheck.TemporaryPassword);

        var outcome = await CreateSut(pool).MigrateAsync(SignIn("alice"), CancellationToken.None);

        Assert.Equal("RESET_REQUIRED", outcome.Response.FinalUserStatus);
    }

    [Fact]
    public async Task MigrateAsync_TemporaryPasswordStatusButTokensIssued_StillResetRequired()
    {
        var pool = new InMemoryOldPool().Add(Alice("FORCE_CHANGE_PASSWORD"), forcedCheck: PasswordCheck.Accepted);

        var outcome = await CreateSut(pool).MigrateAsync(SignIn("alice"), CancellationToken.None);

        Assert.Equal("RESET_REQUIRED", outcome.Response.FinalUserStatus);
    }

    [Fact]
    public async Task MigrateAsync_TemporaryPasswordWithoutVerifiedContact_Refused()
    {
        var pool = new InMemoryOldPool().Add(Alice("FORCE_CHANGE_PASSWORD", emailVerified: false), forcedCheck: PasswordCheck.TemporaryPassword);

        var outcome = await CreateSut(pool).MigrateAsync(SignIn("alice"), CancellationToken.None);

        Assert.Equal(Refusal.TemporaryPasswordWithoutVerifiedContact, outcome.Refusal);
    }

    [Fact]
    public async Task MigrateAsync_EnabledMissingFromTheOldRecord_RefusedAsUnknownNotTakenAsEnabled()
    {
        var pool = new InMemoryOldPool().Add(Alice() with { Enabled = null });

        var signIn = await CreateSut(pool).MigrateAsync(SignIn("alice"), CancellationToken.None);
        var forgot = await CreateSut(pool).MigrateAsync(ForgotPassword("alice"), CancellationToken.None);

        Assert.Equal(Refusal.EnabledUnknown, signIn.Refusal);
        Assert.Equal(Refusal.EnabledUnknown, forgot.Refusal);
        Assert.DoesNotContain("CheckPassword alice", pool.Calls);
    }

    private static OldUser WithPhone(OldUser user, bool verified) => user with
    {
        Attributes = new Dictionary<string, string>(user.Attributes) { ["phone_number"] = "+15555550100", ["phone_number_verified"] = verified ? "true" : "false" },
    };

    [Fact]
    public async Task MigrateAsync_SmsMfaChallengeWithVerifiedPhone_ConfirmedAndSmsMfaKept()
    {
        var pool = new InMemoryOldPool().Add(WithPhone(Alice(), verified: true), forcedCheck: PasswordCheck.AcceptedPendingSmsMfa);

        var outcome = await CreateSut(pool).MigrateAsync(SignIn("alice"), CancellationToken.None);

        Assert.Equal("CONFIRMED", outcome.Response.FinalUserStatus);
        Assert.True(outcome.Response.EnableSmsMfa);
    }

    [Fact]
    public async Task MigrateAsync_SmsMfaChallengeWithUnverifiedPhone_ResetRequiredNotConfirmedWithoutMfa()
    {
        var pool = new InMemoryOldPool().Add(WithPhone(Alice(), verified: false), forcedCheck: PasswordCheck.AcceptedPendingSmsMfa);

        var outcome = await CreateSut(pool).MigrateAsync(SignIn("alice"), CancellationToken.None);

        Assert.Equal("RESET_REQUIRED", outcome.Response.FinalUserStatus);
        Assert.False(outcome.Response.EnableSmsMfa);
    }

    // The attack: a stuffed password alone must not open an account that needed an authenticator code.
    [Fact]
    public async Task MigrateAsync_TotpChallengeAfterRightPassword_ResetRequiredNotConfirmed()
    {
        var pool = new InMemoryOldPool().Add(Alice(), forcedCheck: PasswordCheck.AcceptedPendingUncarriedMfa);

        var outcome = await CreateSut(pool).MigrateAsync(SignIn("alice"), CancellationToken.None);

        Assert.Null(outcome.Refusal);
        Assert.Equal("RESET_REQUIRED", outcome.Response.FinalUserStatus);
        Assert.False(outcome.Response.EnableSmsMfa);
    }

    [Fact]
    public async Task MigrateAsync_TotpChallengeWithoutVerifiedContact_Refused()
    {
        var pool = new InMemoryOldPool().Add(Alice(emailVerified: false), forcedCheck: PasswordCheck.AcceptedPendingUncarriedMfa);

        var outcome = await CreateSut(pool).MigrateAsync(SignIn("alice"), CancellationToken.None);

        Assert.Equal(Refusal.UncarriedMfaWithoutVerifiedContact, outcome.Refusal);
    }

    [Theory]
    [InlineData(UncarriedMfaAction.Refuse, null, Refusal.UncarriedMfa)]
    [InlineData(UncarriedMfaAction.Allow, "CONFIRMED", null)]
    [InlineData(UncarriedMfaAction.Reset, "RESET_REQUIRED", null)]
    public async Task MigrateAsync_TotpChallenge_FollowsTheConfiguredAction(UncarriedMfaAction action, string? expectedStatus, Refusal? expectedRefusal)
    {
        var pool = new InMemoryOldPool().Add(Alice(), forcedCheck: PasswordCheck.AcceptedPendingUncarriedMfa);

        var outcome = await CreateSut(pool, new SignInMigrationOptions { UncarriedMfaAction = action }).MigrateAsync(SignIn("alice"), CancellationToken.None);

        Assert.Equal(expectedRefusal, outcome.Refusal);
        Assert.Equal(expectedStatus, outcome.Response.FinalUserStatus);
    }

    [Fact]
    public async Task MigrateAsync_TotpInSettingsButTokensIssued_StillResetRequired()
    {
        var pool = new InMemoryOldPool().Add(Alice() with { MfaMethods = ["SOFTWARE_TOKEN_MFA"] });

        var outcome = await CreateSut(pool).MigrateAsync(SignIn("alice"), CancellationToken.None);

        Assert.Equal("RESET_REQUIRED", outcome.Response.FinalUserStatus);
    }

    [Fact]
    public async Task MigrateAsync_ForgotPasswordOfTotpUserWhenActionIsRefuse_Refused()
    {
        var pool = new InMemoryOldPool().Add(Alice() with { MfaMethods = ["SOFTWARE_TOKEN_MFA"] });

        var outcome = await CreateSut(pool, new SignInMigrationOptions { UncarriedMfaAction = UncarriedMfaAction.Refuse })
            .MigrateAsync(ForgotPassword("alice"), CancellationToken.None);

        Assert.Equal(Refusal.UncarriedMfa, outcome.Refusal);
    }

    [Fact]
    public async Task MigrateAsync_UnverifiedEmail_StaysUnverified()
    {
        var outcome = await CreateSut(new InMemoryOldPool().Add(Alice(emailVerified: false))).MigrateAsync(SignIn("alice"), CancellationToken.None);

        Assert.Equal("false", outcome.Response.UserAttributes!["email_verified"]);
    }

    [Fact]
    public async Task MigrateAsync_CustomAttributeMissingFromNewSchema_DroppedAndReported()
    {
        var options = new SignInMigrationOptions
        {
            Attributes = new AttributeMappingOptions { NewCustomAttributes = new HashSet<string> { "custom:tenant" } },
        };

        var outcome = await CreateSut(new InMemoryOldPool().Add(Alice()), options).MigrateAsync(SignIn("alice"), CancellationToken.None);

        Assert.Equal("acme", outcome.Response.UserAttributes!["custom:tenant"]);
        Assert.False(outcome.Response.UserAttributes.ContainsKey("custom:legacy"));
        Assert.Equal(["custom:legacy"], outcome.DroppedAttributes);
    }

    [Fact]
    public async Task MigrateAsync_WeakPasswordUnderNewPolicy_ResetRequiredByDefault()
    {
        var options = new SignInMigrationOptions { NewPasswordPolicy = new PasswordPolicy(20, true, true, true, true) };

        var outcome = await CreateSut(new InMemoryOldPool().Add(Alice()), options).MigrateAsync(SignIn("alice"), CancellationToken.None);

        Assert.Equal("RESET_REQUIRED", outcome.Response.FinalUserStatus);
    }

    [Fact]
    public async Task MigrateAsync_WeakPasswordWithRefuseAction_Refused()
    {
        var options = new SignInMigrationOptions
        {
            NewPasswordPolicy = new PasswordPolicy(20, true, true, true, true),
            WeakPasswordAction = WeakPasswordAction.Refuse,
        };

        var outcome = await CreateSut(new InMemoryOldPool().Add(Alice()), options).MigrateAsync(SignIn("alice"), CancellationToken.None);

        Assert.Equal(Refusal.WeakPassword, outcome.Refusal);
    }

    [Fact]
    public async Task MigrateAsync_SmsMfaWithVerifiedPhone_EnablesSmsMfa()
    {
        var user = new OldUser("bob", new Dictionary<string, string>
        {
            ["phone_number"] = "+15550100", ["phone_number_verified"] = "true",
        }, "CONFIRMED", true, ["SMS_MFA"]);

        var outcome = await CreateSut(new InMemoryOldPool().Add(user)).MigrateAsync(SignIn("bob"), CancellationToken.None);

        Assert.True(outcome.Response.EnableSmsMfa);
    }

    [Fact]
    public async Task MigrateAsync_MissingPassword_RefusedAsIncompleteWithoutCallingOldPool()
    {
        var pool = new InMemoryOldPool().Add(Alice());

        var outcome = await CreateSut(pool).MigrateAsync(SignIn("alice", password: null), CancellationToken.None);

        Assert.Equal(Refusal.IncompleteEvent, outcome.Refusal);
        Assert.Empty(pool.Calls);
    }

    [Fact]
    public async Task MigrateAsync_OldPoolUnavailable_RefusedNotThrown()
    {
        var pool = new InMemoryOldPool { FailWith = new UserDirectoryUnavailableException("TooManyRequestsException") };

        var outcome = await CreateSut(pool).MigrateAsync(SignIn("alice"), CancellationToken.None);

        Assert.Equal(Refusal.OldPoolUnavailable, outcome.Refusal);
    }

    [Fact]
    public async Task MigrateAsync_BudgetCancelled_RefusedAsDeadlineExceeded()
    {
        using var budget = new CancellationTokenSource();
        await budget.CancelAsync();

        var outcome = await CreateSut(new InMemoryOldPool().Add(Alice())).MigrateAsync(SignIn("alice"), budget.Token);

        Assert.Equal(Refusal.DeadlineExceeded, outcome.Refusal);
    }

    [Fact]
    public async Task MigrateAsync_ForgotPasswordWithVerifiedEmail_ResetRequired()
    {
        var outcome = await CreateSut(new InMemoryOldPool().Add(Alice())).MigrateAsync(ForgotPassword("alice"), CancellationToken.None);

        Assert.Equal("RESET_REQUIRED", outcome.Response.FinalUserStatus);
        Assert.Equal("alice@example.com", outcome.Response.UserAttributes!["email"]);
    }

    [Fact]
    public async Task MigrateAsync_ForgotPasswordWithoutVerifiedContact_Refused()
    {
        var outcome = await CreateSut(new InMemoryOldPool().Add(Alice(emailVerified: false))).MigrateAsync(ForgotPassword("alice"), CancellationToken.None);

        Assert.Equal(Refusal.NoVerifiedContact, outcome.Refusal);
    }
}
