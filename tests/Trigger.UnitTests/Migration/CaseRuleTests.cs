using Trigger.Contract;
using Trigger.Migration.Decisions;
using Trigger.Migration.Events;
using Trigger.Migration.Ports;
using Trigger.Testing;

namespace Trigger.UnitTests.Migration;

/// <summary>
/// The trigger and the guard hold names against each other the way the new pool does, and learn the rest of
/// the new pool from the pool. Each attack is a stranger using another letter case to reach someone's account.
/// </summary>
public sealed class CaseRuleTests
{
    private const string NewPoolId = "eu-west-1_new";
    private const string Password = "Correct-horse-1";

    private static NewPoolProfile Profile(NameRule names, PasswordPolicy? policy = null, params string[] custom) => new()
    {
        Names = names,
        CustomAttributes = custom.ToHashSet(StringComparer.Ordinal),
        SignInAttributes = ["email", "preferred_username"],
        PasswordPolicy = policy,
    };

    private static OldUser Quinn() => InMemoryOldPool.User("Quinn", attributes:
        [("sub", "q-sub"), ("email", "Quinn.Q@Example.com"), ("email_verified", "true"), ("custom:tenant", "acme"), ("custom:gone", "x")]);

    private static UserMigrationEvent SignIn(string name, string password = Password) => new()
    {
        TriggerSource = TriggerSources.MigrationAuthentication,
        UserPoolId = NewPoolId,
        UserName = name,
        Request = new UserMigrationRequest { Password = password },
    };

    private static PreSignUpEvent SignUp(string username, string source = TriggerSources.PreSignUpSignUp, string? proof = null, params (string Name, string Value)[] attributes) => new()
    {
        TriggerSource = source,
        UserPoolId = NewPoolId,
        UserName = username,
        Request = new PreSignUpRequest
        {
            UserAttributes = attributes.ToDictionary(a => a.Name, a => (string?)a.Value),
            ClientMetadata = proof is null ? null : new Dictionary<string, string?> { [SweepProof.MetadataKey] = proof },
        },
    };

    private static Task<MigrationOutcome> MigrateFromCaseInsensitiveOldPoolAsync(NameRule newPool, string handedName)
    {
        var pool = new InMemoryOldPool { Names = NameRule.CaseInsensitive }.Add(Quinn());
        var sut = new SignInMigration(pool, new SignInMigrationOptions { Overrides = NewPoolOverrides.None }, new FixedProfiles(Profile(newPool)));
        return sut.MigrateAsync(SignIn(handedName), CancellationToken.None);
    }

    // Quinn signs in with a password the learned policy (uppercase required) rejects; the pool has custom:tenant.
    private static Task<MigrationOutcome> MigrateWithAWeakPasswordAsync(SignInMigrationOptions options)
    {
        var pool = new InMemoryOldPool().Add(Quinn(), password: "weakpass");
        var learned = Profile(NameRule.CaseSensitive, new PasswordPolicy(8, true, true, true, false), "custom:tenant");
        return new SignInMigration(pool, options, new FixedProfiles(learned)).MigrateAsync(SignIn("Quinn", "weakpass"), CancellationToken.None);
    }

    private static SignUpGuard Guard(InMemoryOldPool pool, INewPoolProfiles profiles, bool failOpen = false) =>
        new(pool, pool, failOpen, new FixedSweepKey(FixedSweepKey.TestKey), new ManualClock(FixedSweepKey.TestNow), profiles);

    // A case-insensitive new pool hands the trigger "quinn" for the old "Quinn": by that pool's rule it is the
    // same name, no alias, so the answer carries no username (documented only for alias sign-ins).
    [Fact]
    public async Task MigrateAsync_CaseInsensitiveNewPoolFoldedName_MigratesWithoutAUsernameInTheAnswer()
    {
        var outcome = await MigrateFromCaseInsensitiveOldPoolAsync(NameRule.CaseInsensitive, "quinn");

        Assert.Null(outcome.Refusal);
        Assert.False(outcome.ViaAlias);
        Assert.False(outcome.Response.UserAttributes!.ContainsKey("username"));
    }

    [Fact]
    public async Task MigrateAsync_CaseInsensitiveNewPoolFoldedEmail_MigratesAsTheOldUsername()
    {
        var outcome = await MigrateFromCaseInsensitiveOldPoolAsync(NameRule.CaseInsensitive, "quinn.q@example.com");

        Assert.True(outcome.ViaAlias);
        Assert.Equal("Quinn", outcome.Response.UserAttributes!["username"]);
    }

    // The attack on a case-sensitive new pool: "QUINN" with Quinn's password (a case-insensitive old pool finds
    // Quinn) must not become a second account QUINN beside the Quinn that a later sign-in would create.
    [Fact]
    public async Task MigrateAsync_CaseSensitiveNewPoolOtherCase_AnswerNamesTheOldUsername()
    {
        var outcome = await MigrateFromCaseInsensitiveOldPoolAsync(NameRule.CaseSensitive, "QUINN");

        Assert.True(outcome.ViaAlias);
        Assert.Equal("Quinn", outcome.Response.UserAttributes!["username"]);
    }

    [Fact]
    public async Task MigrateAsync_NoSchemaSettings_KeepsTheCustomAttributesThePoolHasAndAppliesItsPolicy()
    {
        var outcome = await MigrateWithAWeakPasswordAsync(new SignInMigrationOptions { Overrides = NewPoolOverrides.None });

        Assert.Equal("acme", outcome.Response.UserAttributes!["custom:tenant"]);
        Assert.Equal(["custom:gone"], outcome.DroppedAttributes);
        Assert.Equal("RESET_REQUIRED", outcome.Response.FinalUserStatus);
    }

    [Fact]
    public async Task MigrateAsync_OverridesSet_WinOverWhatThePoolSays()
    {
        var outcome = await MigrateWithAWeakPasswordAsync(new SignInMigrationOptions
        {
            Overrides = NewPoolOverrides.All,
            Attributes = new() { NewCustomAttributes = new HashSet<string>(StringComparer.Ordinal) { "custom:gone" } },
            NewPasswordPolicy = null,
        });

        Assert.Equal("x", outcome.Response.UserAttributes!["custom:gone"]);
        Assert.Equal(["custom:tenant"], outcome.DroppedAttributes);
        Assert.Equal("CONFIRMED", outcome.Response.FinalUserStatus);
    }

    [Fact]
    public async Task MigrateAsync_UsernameOnlyNewPool_StillLooksTheTypedNameUpByEveryAlias()
    {
        var pool = new InMemoryOldPool().Add(Quinn());
        var usernameOnly = Profile(NameRule.CaseSensitive) with { SignInAttributes = [] };
        var sut = new SignInMigration(pool, new SignInMigrationOptions { Overrides = NewPoolOverrides.None }, new FixedProfiles(usernameOnly));

        var outcome = await sut.MigrateAsync(SignIn("Quinn.Q@Example.com"), CancellationToken.None);

        Assert.Equal("Quinn", outcome.Response.UserAttributes!["username"]);
    }

    [Fact]
    public async Task MigrateAsync_NewPoolUnreadable_RefusedWithItsOwnReasonBeforeTheOldPoolIsAsked()
    {
        var pool = new InMemoryOldPool().Add(Quinn());
        var sut = new SignInMigration(pool, new SignInMigrationOptions(), new FixedProfiles(null));

        var outcome = await sut.MigrateAsync(SignIn("Quinn"), CancellationToken.None);

        Assert.Equal(Refusal.NewPoolUnreadable, outcome.Refusal);
        Assert.Empty(pool.Calls);
    }

    // The guard's refusals the issue names: QUINN and quinn.q@example.com while Quinn / Quinn.Q@Example.com are
    // unmigrated (here a case-insensitive old pool, whose own look-ups fold).
    [Theory]
    [InlineData("QUINN", null)]
    [InlineData("quinn", null)]
    [InlineData("stranger", "quinn.q@example.com")]
    public async Task JudgeAsync_OtherCaseOfAnUnmigratedOldName_Refused(string username, string? email)
    {
        var pool = new InMemoryOldPool { Names = NameRule.CaseInsensitive }.Add(Quinn());
        var trigger = email is null ? SignUp(username) : SignUp(username, attributes: ("email", email));

        var verdict = await Guard(pool, new FixedProfiles(Profile(NameRule.CaseInsensitive))).JudgeAsync(trigger, CancellationToken.None);

        Assert.Equal(SignUpVerdict.RefusedNameOwnedByOldUser, verdict);
    }

    // The attack: a stranger "quinn" in a case-sensitive new pool (who may hold the alias "Quinn") is not the old
    // Quinn; taking them for the same user would let every name of the unmigrated Quinn through. In a
    // case-insensitive new pool "quinn" is Quinn, migrated.
    [Theory]
    [InlineData(true, SignUpVerdict.RefusedNameOwnedByOldUser)]
    [InlineData(false, SignUpVerdict.Allowed)]
    public async Task JudgeAsync_NewPoolHoldsTheOldNameInAnotherCase_RefusedUnlessThatPoolFoldsNames(bool newPoolCaseSensitive, SignUpVerdict expected)
    {
        var pool = new InMemoryOldPool().Add(Quinn());
        pool.NewPoolUsernames.Add("quinn");

        var verdict = await Guard(pool, new FixedProfiles(Profile(NameRule.For(newPoolCaseSensitive))))
            .JudgeAsync(SignUp("mallory", attributes: ("email", "Quinn.Q@Example.com")), CancellationToken.None);

        Assert.Equal(expected, verdict);
    }

    // The sweep creates "Quinn"; a case-insensitive new pool hands the guard "quinn". The proof is over the
    // name as the pool compares it, so the sweep's own creation passes.
    [Fact]
    public async Task JudgeAsync_SweepProofForTheFoldedName_AllowedInACaseInsensitivePool()
    {
        var pool = new InMemoryOldPool { Names = NameRule.CaseInsensitive }.Add(Quinn());
        var proof = SweepProof.Create(FixedSweepKey.TestKey, NewPoolId, NameRule.CaseInsensitive.Key("Quinn"), FixedSweepKey.TestNow);

        var verdict = await Guard(pool, new FixedProfiles(Profile(NameRule.CaseInsensitive)))
            .JudgeAsync(SignUp("quinn", TriggerSources.PreSignUpAdminCreateUser, proof), CancellationToken.None);

        Assert.Equal(SignUpVerdict.Allowed, verdict);
    }

    // The attack: in a case-sensitive new pool, the proof the sweep made for the old user "quinn" must not create
    // the distinct, unmigrated old user "Quinn".
    [Fact]
    public async Task JudgeAsync_SweepProofForAnotherCase_RefusedInACaseSensitivePool()
    {
        var pool = new InMemoryOldPool().Add(Quinn()).Add(InMemoryOldPool.User("quinn"));
        var proof = SweepProof.Create(FixedSweepKey.TestKey, NewPoolId, "quinn", FixedSweepKey.TestNow);

        var verdict = await Guard(pool, new FixedProfiles(Profile(NameRule.CaseSensitive)))
            .JudgeAsync(SignUp("Quinn", TriggerSources.PreSignUpAdminCreateUser, proof), CancellationToken.None);

        Assert.Equal(SignUpVerdict.RefusedAdminCreateWithoutSweepProof, verdict);
    }

    [Fact]
    public async Task JudgeAsync_NewPoolUnreadable_RefusedEvenWhenFailingOpen()
    {
        var pool = new InMemoryOldPool();

        var verdict = await Guard(pool, new FixedProfiles(null), failOpen: true).JudgeAsync(SignUp("newcomer"), CancellationToken.None);

        Assert.Equal(SignUpVerdict.RefusedNewPoolUnreadable, verdict);
    }

    private sealed class FixedProfiles(NewPoolProfile? profile) : INewPoolProfiles
    {
        public ValueTask<NewPoolProfile> GetAsync(string userPoolId, CancellationToken cancellationToken) =>
            profile is null ? throw new UserDirectoryUnavailableException("InternalErrorException") : ValueTask.FromResult(profile);
    }
}
