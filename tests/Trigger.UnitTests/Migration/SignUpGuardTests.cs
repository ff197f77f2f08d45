using Trigger.Migration.Decisions;
using Trigger.Migration.Events;
using Trigger.Migration.Ports;

namespace Trigger.UnitTests.Migration;

public sealed class SignUpGuardTests
{
    private static readonly string[] _aliases = ["email", "phone_number", "preferred_username"];

    private static SignUpGuard CreateSut(InMemoryOldPool pool, bool failOpen = false) => new(pool, pool, _aliases, failOpen);

    private static PreSignUpEvent SignUp(string username, string source = TriggerSources.PreSignUpSignUp, params (string Name, string Value)[] attributes) => new()
    {
        TriggerSource = source,
        UserPoolId = "eu-west-1_new",
        UserName = username,
        Request = new PreSignUpRequest { UserAttributes = attributes.ToDictionary(a => a.Name, a => (string?)a.Value) },
    };

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
    public async Task JudgeAsync_AdminCreatesSameUsername_AllowedForTheSweep() =>
        Assert.Equal(SignUpVerdict.Allowed,
            await CreateSut(PoolWithDave()).JudgeAsync(SignUp("dave", TriggerSources.PreSignUpAdminCreateUser, ("email", "dave@example.com")), CancellationToken.None));

    [Fact]
    public async Task JudgeAsync_AdminCreatesOtherUsernameWithOldEmail_Refused() =>
        Assert.Equal(SignUpVerdict.RefusedNameOwnedByOldUser,
            await CreateSut(PoolWithDave()).JudgeAsync(SignUp("dave2", TriggerSources.PreSignUpAdminCreateUser, ("email", "dave@example.com")), CancellationToken.None));

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
