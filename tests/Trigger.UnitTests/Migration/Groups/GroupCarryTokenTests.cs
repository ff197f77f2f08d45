using Trigger.Migration.Decisions;
using Trigger.Migration.Events;
using Trigger.Migration.Ports;
using Trigger.Testing;

namespace Trigger.UnitTests.Migration.Groups;

/// <summary>
/// The groups of a first sign-in reach its tokens through the Pre token generation step, whichever of it and
/// PostAuthentication Cognito runs first, each membership written once, and only groups that were recorded for
/// this very name and exist in the new pool.
/// </summary>
public sealed class GroupCarryTokenTests
{
    private const string NewPool = "eu-west-1_new";
    private readonly ManualClock _clock = new();
    private readonly FakeOldGroups _old = new();
    private readonly FakeNewGroups _new = new();

    private GroupCarry CreateSut(IGroupHandOverStore? handOver = null) => new(_old, _new, handOver ?? new GroupHandOver(_clock), _clock);

    private static UserMigrationEvent Migration(string typed) =>
        new() { TriggerSource = TriggerSources.MigrationAuthentication, UserPoolId = NewPool, UserName = typed };

    private static MigrationOutcome Migrated(string oldUsername, NameRule? names = null) =>
        new() { Response = new UserMigrationResponse(), OldUsername = oldUsername, NewPoolNames = names ?? NameRule.CaseSensitive };

    [Fact]
    public async Task ForTokensAsync_AfterPostAuthentication_TokensGetTheAddedGroupsOnlyAndNothingIsWrittenTwice()
    {
        _old.Groups["cleo"] = ["staff", "auditors"];
        _new.Missing.Add("auditors");
        var sut = CreateSut();
        await sut.RecordAsync(Migration("cleo"), Migrated("cleo"), CancellationToken.None);

        var postAuthentication = await sut.ApplyAsync(NewPool, "cleo", CancellationToken.None);
        var tokens = await sut.ForTokensAsync(NewPool, "cleo", CancellationToken.None);

        Assert.Equal(1, postAuthentication.Added);
        Assert.Equal(["staff"], tokens.TokenGroups);
        Assert.Equal(0, tokens.Added);
        Assert.Equal(["cleo staff"], _new.Added);
    }

    [Fact]
    public async Task ForTokensAsync_BeforePostAuthentication_WritesTheMembershipsItselfAndPostAuthenticationWritesNone()
    {
        _old.Groups["amelia"] = ["admins", "editors"];
        var sut = CreateSut();
        await sut.RecordAsync(Migration("amelia"), Migrated("amelia"), CancellationToken.None);

        var tokens = await sut.ForTokensAsync(NewPool, "amelia", CancellationToken.None);
        var postAuthentication = await sut.ApplyAsync(NewPool, "amelia", CancellationToken.None);

        Assert.Equal(["admins", "editors"], tokens.TokenGroups);
        Assert.False(postAuthentication.Waiting);
        Assert.Equal(["amelia admins", "amelia editors"], _new.Added);
    }

    [Fact]
    public async Task ForTokensAsync_SecondTime_NothingForTheTokens()
    {
        _old.Groups["amelia"] = ["admins"];
        var sut = CreateSut();
        await sut.RecordAsync(Migration("amelia"), Migrated("amelia"), CancellationToken.None);
        await sut.ApplyAsync(NewPool, "amelia", CancellationToken.None);
        await sut.ForTokensAsync(NewPool, "amelia", CancellationToken.None);

        var again = await sut.ForTokensAsync(NewPool, "amelia", CancellationToken.None);

        Assert.Empty(again.TokenGroups);
        Assert.False(again.Waiting);
    }

    [Fact]
    public async Task ForTokensAsync_CaseSensitivePoolStrangerSpelling_GetsNoGroupsAndTheOwnerStillDoes()
    {
        _old.Groups["Admin"] = ["admins"];
        var sut = CreateSut();
        await sut.RecordAsync(Migration("Admin"), Migrated("Admin", NameRule.CaseSensitive), CancellationToken.None);

        var stranger = await sut.ForTokensAsync(NewPool, "admin", CancellationToken.None);
        var owner = await sut.ForTokensAsync(NewPool, "Admin", CancellationToken.None);

        Assert.Empty(stranger.TokenGroups);
        Assert.Equal(["admins"], owner.TokenGroups);
        Assert.Equal(["Admin admins"], _new.Added);
    }

    [Fact]
    public async Task ForTokensAsync_HandOverUnreachable_NoGroupsAndTheFailureNamedWithoutThrowing()
    {
        var sut = CreateSut(new UnreachableHandOver());

        var tokens = await sut.ForTokensAsync(NewPool, "amelia", CancellationToken.None);

        Assert.Empty(tokens.TokenGroups);
        Assert.False(tokens.Waiting);
        Assert.Equal("group hand-over ProvisionedThroughputExceededException", tokens.Failure);
        Assert.Empty(_new.Added);
    }

    [Fact]
    public async Task RecordAsync_HandOverUnreachable_ReportsTheFailureWithoutThrowing()
    {
        _old.Groups["amelia"] = ["admins"];
        var sut = CreateSut(new UnreachableHandOver());

        var recorded = await sut.RecordAsync(Migration("amelia"), Migrated("amelia"), CancellationToken.None);

        Assert.Equal("group hand-over ProvisionedThroughputExceededException", recorded.Failure);
    }

    [Fact]
    public async Task TieredHandOver_DurableUnreachable_ThisEnvironmentStillCarriesWhatItRecorded()
    {
        _old.Groups["amelia"] = ["admins"];
        var sut = CreateSut(new TieredGroupHandOver(new GroupHandOver(_clock), new UnreachableHandOver()));
        await sut.RecordAsync(Migration("amelia"), Migrated("amelia"), CancellationToken.None);

        var tokens = await sut.ForTokensAsync(NewPool, "amelia", CancellationToken.None);

        Assert.Equal(["admins"], tokens.TokenGroups);
    }

    [Fact]
    public async Task TieredHandOver_RecordedInAnotherEnvironment_TakenFromTheDurableStoreOnce()
    {
        _old.Groups["amelia"] = ["admins"];
        var shared = new GroupHandOver(_clock);
        var first = CreateSut(new TieredGroupHandOver(new GroupHandOver(_clock), shared));
        var second = CreateSut(new TieredGroupHandOver(new GroupHandOver(_clock), shared));
        var third = CreateSut(new TieredGroupHandOver(new GroupHandOver(_clock), shared));
        await first.RecordAsync(Migration("amelia"), Migrated("amelia"), CancellationToken.None);

        var postAuthentication = await second.ApplyAsync(NewPool, "amelia", CancellationToken.None);
        var tokens = await third.ForTokensAsync(NewPool, "amelia", CancellationToken.None);
        var again = await first.ForTokensAsync(NewPool, "amelia", CancellationToken.None);

        Assert.Equal(1, postAuthentication.Added);
        Assert.Equal(["admins"], tokens.TokenGroups);
        Assert.Empty(again.TokenGroups);
        Assert.Equal(["amelia admins"], _new.Added);
    }
}
