using Trigger.Migration.Decisions;
using Trigger.Migration.Events;
using Trigger.Migration.Ports;
using Trigger.Testing;

namespace Trigger.UnitTests.Migration;

public sealed class SignUpGuardTests
{

    private const string NewPoolId = "eu-west-1_new";
    private const string SweepKey = "sweep-key-0123456789-abcdefghijklmnop";
    private static readonly DateTimeOffset _now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static SignUpGuard CreateSut(InMemoryOldPool pool, bool failOpen = false, string? sweepKey = SweepKey) =>
        new(pool, pool, failOpen, sweepKey is null ? null : new FixedSweepKey(sweepKey), new ManualClock(_now));

    private static PreSignUpEvent SignUp(string username, string source = TriggerSources.PreSignUpSignUp, params (string Name, string Value)[] attributes) => new()
    {
        TriggerSource = source,
        UserPoolId = NewPoolId,
        UserName = username,
        Request = new PreSignUpRequest { UserAttributes = attributes.ToDictionary(a => a.Name, a => (string?)a.Value) },
    };

    private static PreSignUpEvent AdminCreate(string username, string? proof, params (string Name, string Value)[] attributes) =>
        SignUp(username, TriggerSources.PreSignUpAdminCreateUser, attributes) is var trigger
            ? trigger with
            {
                Request = trigger.Request! with
                {
                    ClientMetadata = proof is null ? null : new Dictionary<string, string?> { [SweepProof.MetadataKey] = proof },
                },
            }
            : throw new InvalidOperationException();

    private static InMemoryOldPool PoolWithDave() =>
        new InMemoryOldPool().Add(InMemoryOldPool.User("dave", attributes: [("email", "dave@example.com"), ("preferred_username", "dj")]));

    [Fact]
    public async Task JudgeAsync_UsernameOfUnmigratedOldUser_Refused() =>
        Assert.Equal(SignUpVerdict.RefusedNameOwnedByOldUser, await CreateSut(PoolWithDave()).JudgeAsync(SignUp("dave"), CancellationToken.None));

    [Fact]
    public async Task JudgeAsync_EmailOfUnmigratedOldUser_Refused() =>
        Assert.Equal(SignUpVerdict.RefusedNameOwnedByOldUser,
            await CreateSut(PoolWithDave()).JudgeAsync(SignUp("mallory", attributes: ("email", "dave@example.com")), CancellationToken.None));

    [Fact]
    public async Task JudgeAsync_PreferredUsernameOfUnmigratedOldUser_Refused() =>
        Assert.Equal(SignUpVerdict.RefusedNameOwnedByOldUser,
            await CreateSut(PoolWithDave()).JudgeAsync(SignUp("mallory", attributes: ("preferred_username", "dj")), CancellationToken.None));

    [Fact]
    public async Task JudgeAsync_OwnerAlreadyMigrated_AllowedForTheNewPoolToJudge()
    {
        var pool = PoolWithDave();
        pool.NewPoolUsernames.Add("dave");

        Assert.Equal(SignUpVerdict.Allowed, await CreateSut(pool).JudgeAsync(SignUp("dave"), CancellationToken.None));
    }

    [Fact]
    public async Task JudgeAsync_FreshNames_Allowed() =>
        Assert.Equal(SignUpVerdict.Allowed,
            await CreateSut(PoolWithDave()).JudgeAsync(SignUp("erin", attributes: ("email", "erin@example.com")), CancellationToken.None));

    [Fact]
    public async Task JudgeAsync_AdminCreatesSameUsernameWithSweepProof_AllowedForTheSweep() =>
        Assert.Equal(SignUpVerdict.Allowed,
            await CreateSut(PoolWithDave()).JudgeAsync(
                AdminCreate("dave", SweepProof.Create(SweepKey, NewPoolId, "dave", _now.AddMinutes(-1)), ("email", "dave@example.com")),
                CancellationToken.None));

    // The attack: an application backend with AdminCreateUser rights creates the victim's username.
    [Fact]
    public async Task JudgeAsync_AdminCreatesOldUsernameWithoutProof_Refused() =>
        Assert.Equal(SignUpVerdict.RefusedAdminCreateWithoutSweepProof,
            await CreateSut(PoolWithDave()).JudgeAsync(AdminCreate("dave", proof: null), CancellationToken.None));

    [Theory]
    [InlineData("wrong key")]
    [InlineData("other user")]
    [InlineData("other pool")]
    [InlineData("expired")]
    [InlineData("garbage")]
    public async Task JudgeAsync_AdminCreatesOldUsernameWithBadProof_Refused(string flaw)
    {
        var proof = flaw switch
        {
            "wrong key" => SweepProof.Create("another-key-0123456789-abcdefghijklmn", NewPoolId, "dave", _now),
            "other user" => SweepProof.Create(SweepKey, NewPoolId, "erin", _now),
            "other pool" => SweepProof.Create(SweepKey, "eu-west-1_other", "dave", _now),
            "expired" => SweepProof.Create(SweepKey, NewPoolId, "dave", _now - SweepProof.MaxAge - TimeSpan.FromSeconds(1)),
            _ => "v1:not-a-number:AAAA",
        };

        Assert.Equal(SignUpVerdict.RefusedAdminCreateWithoutSweepProof,
            await CreateSut(PoolWithDave()).JudgeAsync(AdminCreate("dave", proof), CancellationToken.None));
    }

    [Fact]
    public async Task JudgeAsync_AdminCreateWithProofButNoKeyConfigured_Refused() =>
        Assert.Equal(SignUpVerdict.RefusedAdminCreateWithoutSweepProof,
            await CreateSut(PoolWithDave(), sweepKey: null).JudgeAsync(
                AdminCreate("dave", SweepProof.Create(SweepKey, NewPoolId, "dave", _now)), CancellationToken.None));

    [Fact]
    public async Task JudgeAsync_SweepProofForOwnNameButAnotherOldUsersEmail_Refused()
    {
        var pool = PoolWithDave().Add(InMemoryOldPool.User("erin", attributes: ("email", "erin@example.com")));

        Assert.Equal(SignUpVerdict.RefusedNameOwnedByOldUser,
            await CreateSut(pool).JudgeAsync(
                AdminCreate("dave", SweepProof.Create(SweepKey, NewPoolId, "dave", _now), ("email", "erin@example.com")), CancellationToken.None));
    }

    // The attack: preferred_username = an unmigrated old user's username. In the new pool a sign-in typed
    // as "bob" would then resolve to the stranger, and the migration trigger would never fire for bob.
    [Fact]
    public async Task JudgeAsync_PreferredUsernameIsAnOldUsername_Refused()
    {
        var pool = PoolWithDave().Add(InMemoryOldPool.User("bob"));

        Assert.Equal(SignUpVerdict.RefusedNameOwnedByOldUser,
            await CreateSut(pool).JudgeAsync(SignUp("m1", attributes: ("preferred_username", "bob")), CancellationToken.None));
    }

    [Fact]
    public async Task JudgeAsync_UsernameIsAnOldUsersPreferredUsername_Refused() =>
        Assert.Equal(SignUpVerdict.RefusedNameOwnedByOldUser,
            await CreateSut(PoolWithDave()).JudgeAsync(SignUp("dj"), CancellationToken.None));

    [Fact]
    public async Task JudgeAsync_PreferredUsernameIsAnOldUsersEmail_Refused() =>
        Assert.Equal(SignUpVerdict.RefusedNameOwnedByOldUser,
            await CreateSut(PoolWithDave()).JudgeAsync(SignUp("m1", attributes: ("preferred_username", "dave@example.com")), CancellationToken.None));

    [Fact]
    public async Task JudgeAsync_OneOfSeveralOwnersOfAnAliasUnmigrated_Refused()
    {
        var pool = new InMemoryOldPool()
            .Add(InMemoryOldPool.User("a1", attributes: ("email", "shared@example.com")))
            .Add(InMemoryOldPool.User("a2", attributes: ("email", "shared@example.com")));
        pool.NewPoolUsernames.Add("a1");

        Assert.Equal(SignUpVerdict.RefusedNameOwnedByOldUser,
            await CreateSut(pool).JudgeAsync(SignUp("m1", attributes: ("email", "shared@example.com")), CancellationToken.None));
    }

    // The attack: with fail-open on, a 300-character email makes ListUsers answer 400 InvalidParameterException
    // before the victim's name is looked up; that must not read as "old pool unavailable".
    [Fact]
    public async Task JudgeAsync_FailOpenAndALookupRefusedWith4xx_RefusedEvenThoughOtherNamesAreFree()
    {
        var pool = new InMemoryOldPool
        {
            FailFor = call => call.StartsWith("FindByAttribute email", StringComparison.Ordinal)
                ? new UserDirectoryUnavailableException("InvalidParameterException", transient: false)
                : null,
        };
        var email = new string('a', 290) + "@example.com";

        Assert.Equal(SignUpVerdict.RefusedLookupRejected,
            await CreateSut(pool, failOpen: true).JudgeAsync(SignUp("m1", attributes: ("email", email)), CancellationToken.None));
    }

    [Fact]
    public async Task JudgeAsync_FailOpenAndFirstNameUnreachable_LaterNamesStillTriedAndAnOwnerRefuses()
    {
        var pool = PoolWithDave().Add(InMemoryOldPool.User("bob"));
        pool.FailFor = call => call.Contains("m1", StringComparison.Ordinal) ? new UserDirectoryUnavailableException("InternalErrorException") : null;

        Assert.Equal(SignUpVerdict.RefusedNameOwnedByOldUser,
            await CreateSut(pool, failOpen: true).JudgeAsync(SignUp("m1", attributes: ("preferred_username", "bob")), CancellationToken.None));
    }

    [Fact]
    public async Task JudgeAsync_FailOpenOwnerFoundButTheNewPoolCheckFails_Refused()
    {
        var pool = PoolWithDave();
        pool.FailFor = call => call.StartsWith("NewPoolExists", StringComparison.Ordinal) ? new UserDirectoryUnavailableException("TooManyRequestsException") : null;

        Assert.Equal(SignUpVerdict.RefusedNameOwnedByOldUser,
            await CreateSut(pool, failOpen: true).JudgeAsync(SignUp("m1", attributes: ("preferred_username", "dave")), CancellationToken.None));
    }

    [Fact]
    public async Task JudgeAsync_FailOpenUsernameLookupUnreachable_TheNamesAliasLookupsStillTriedAndAnOwnerRefuses()
    {
        var pool = PoolWithDave();
        pool.FailFor = call => call == "FindByUsername dj" ? new UserDirectoryUnavailableException("InternalErrorException") : null;

        Assert.Equal(SignUpVerdict.RefusedNameOwnedByOldUser,
            await CreateSut(pool, failOpen: true).JudgeAsync(SignUp("m1", attributes: ("preferred_username", "dj")), CancellationToken.None));
    }

    [Fact]
    public async Task JudgeAsync_AdminCreatesOtherUsernameWithOldEmail_Refused() =>
        Assert.Equal(SignUpVerdict.RefusedNameOwnedByOldUser,
            await CreateSut(PoolWithDave()).JudgeAsync(
                AdminCreate("dave2", SweepProof.Create(SweepKey, NewPoolId, "dave2", _now), ("email", "dave@example.com")), CancellationToken.None));

    [Fact]
    public async Task JudgeAsync_ExternalProvider_AllowedWithoutLookups()
    {
        var pool = PoolWithDave();

        Assert.Equal(SignUpVerdict.AllowedExternalProvider,
            await CreateSut(pool).JudgeAsync(SignUp("Google_1", TriggerSources.PreSignUpExternalProvider, ("email", "dave@example.com")), CancellationToken.None));
        Assert.Empty(pool.Calls);
    }

    [Theory]
    [InlineData(false, SignUpVerdict.RefusedOldPoolUnavailable)]
    [InlineData(true, SignUpVerdict.AllowedOldPoolUnavailable)]
    public async Task JudgeAsync_OldPoolUnavailable_FollowsFailMode(bool failOpen, SignUpVerdict expected)
    {
        var pool = new InMemoryOldPool { FailWith = new UserDirectoryUnavailableException("InternalErrorException") };

        Assert.Equal(expected, await CreateSut(pool, failOpen).JudgeAsync(SignUp("x"), CancellationToken.None));
    }
}
