using Trigger.Migration.Decisions;
using Trigger.Migration.Events;
using Trigger.Migration.Ports;
using Trigger.Testing;
using Trigger.UnitTests.Migration.Groups;

namespace Trigger.UnitTests.Migration;

public sealed class GroupCarryTests
{
    private const string NewPool = "eu-west-1_new";
    private readonly ManualClock _clock = new();
    private readonly FakeOldGroups _old = new();
    private readonly FakeNewGroups _new = new();

    private GroupCarry CreateSut(GroupHandOver? handOver = null) => new(_old, _new, handOver ?? new GroupHandOver(_clock), _clock);

    private static UserMigrationEvent Migration(string typed, string source = TriggerSources.MigrationAuthentication) =>
        new() { TriggerSource = source, UserPoolId = NewPool, UserName = typed };

    private static MigrationOutcome Migrated(string oldUsername, bool viaAlias = false) =>
        new() { Response = new UserMigrationResponse(), OldUsername = oldUsername, ViaAlias = viaAlias };

    [Fact]
    public async Task ApplyAsync_AfterRecord_AddsEveryOldGroupToTheNewUser()
    {
        _old.Groups["alice"] = ["admins", "editors"];
        var sut = CreateSut();

        var recorded = await sut.RecordAsync(Migration("alice"), Migrated("alice"), CancellationToken.None);
        var carried = await sut.ApplyAsync(NewPool, "alice", CancellationToken.None);

        Assert.Equal(2, recorded.Groups);
        Assert.Equal(2, carried.Added);
        Assert.Equal(["alice admins", "alice editors"], _new.Added);
    }

    [Fact]
    public async Task ApplyAsync_SecondSignIn_NothingWaitingAndNoCall()
    {
        _old.Groups["alice"] = ["admins"];
        var sut = CreateSut();
        await sut.RecordAsync(Migration("alice"), Migrated("alice"), CancellationToken.None);
        await sut.ApplyAsync(NewPool, "alice", CancellationToken.None);
        _new.Added.Clear();
        var oldCalls = _old.Calls;

        var again = await sut.ApplyAsync(NewPool, "alice", CancellationToken.None);

        Assert.False(again.Waiting);
        Assert.Empty(_new.Added);
        Assert.Equal(oldCalls, _old.Calls);
    }

    [Fact]
    public async Task RecordAsync_TypedAlias_KeptForTheOldUsername()
    {
        _old.Groups["bob"] = ["staff"];
        var sut = CreateSut();

        await sut.RecordAsync(Migration("bob@example.com"), Migrated("bob", viaAlias: true), CancellationToken.None);

        Assert.Equal(1, (await sut.ApplyAsync(NewPool, "bob", CancellationToken.None)).Added);
    }

    [Fact]
    public async Task RecordAsync_Refusal_ReadsNothing()
    {
        var sut = CreateSut();

        var recorded = await sut.RecordAsync(Migration("alice"), MigrationOutcome.Refused(Refusal.WrongPassword), CancellationToken.None);

        Assert.Equal(0, recorded.Groups);
        Assert.Equal(0, _old.Calls);
    }

    [Fact]
    public async Task RecordAsync_OldPoolUnavailable_ReportsTheReasonWithoutThrowing()
    {
        _old.Fail = new UserDirectoryUnavailableException("TooManyRequestsException");
        var sut = CreateSut();

        var recorded = await sut.RecordAsync(Migration("alice"), Migrated("alice"), CancellationToken.None);

        Assert.Equal("TooManyRequestsException", recorded.Failure);
    }

    [Fact]
    public async Task ApplyAsync_GroupMissingInNewPool_AddsTheOthersAndNamesIt()
    {
        _old.Groups["cleo"] = ["auditors", "staff"];
        _new.Missing.Add("auditors");
        var sut = CreateSut();
        await sut.RecordAsync(Migration("cleo"), Migrated("cleo"), CancellationToken.None);

        var carried = await sut.ApplyAsync(NewPool, "cleo", CancellationToken.None);

        Assert.Equal(1, carried.Added);
        Assert.Equal(["auditors"], carried.Missing);
        Assert.Null(carried.Failure);
    }

    [Fact]
    public async Task ApplyAsync_SignInEntryAfterItsLifetime_NothingWaiting()
    {
        _old.Groups["alice"] = ["admins"];
        var sut = CreateSut();
        await sut.RecordAsync(Migration("alice"), Migrated("alice"), CancellationToken.None);

        _clock.Advance(GroupHandOver.SignInLifetime + TimeSpan.FromSeconds(1));

        Assert.False((await sut.ApplyAsync(NewPool, "alice", CancellationToken.None)).Waiting);
    }

    [Fact]
    public async Task ApplyAsync_ForgotPasswordEntryAfterAnHour_StillWaiting()
    {
        _old.Groups["esme"] = ["editors"];
        var sut = CreateSut();
        await sut.RecordAsync(Migration("esme", TriggerSources.MigrationForgotPassword), Migrated("esme"), CancellationToken.None);

        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, (await sut.ApplyAsync(NewPool, "esme", CancellationToken.None)).Added);
    }

    [Fact]
    public void Take_NameFoldedByACaseInsensitivePool_FindsTheSingleEntry()
    {
        var handOver = new GroupHandOver(_clock);
        handOver.Put(NewPool, "Quinn", ["staff"], GroupHandOver.SignInLifetime, NameRule.CaseInsensitive);

        Assert.Equal(["staff"], handOver.Take(NewPool, "quinn"));
    }

    // The attack: anyone can start a forgot-password migration of "Admin" (its groups then wait 65 minutes);
    // in a case-sensitive new pool the stranger "admin" signing in must not take them.
    [Fact]
    public void Take_CaseSensitivePoolAnotherUserWhoseNameDiffersOnlyInCase_TakesNothing()
    {
        var handOver = new GroupHandOver(_clock);
        handOver.Put(NewPool, "Admin", ["admins"], GroupHandOver.ForgotPasswordLifetime, NameRule.CaseSensitive);

        Assert.Null(handOver.Take(NewPool, "admin"));
        Assert.Equal(["admins"], handOver.Take(NewPool, "Admin"));
    }

    [Fact]
    public void Take_TwoEntriesEqualOnlyUnderFolding_GivesNeitherToAThirdSpelling()
    {
        var handOver = new GroupHandOver(_clock);
        handOver.Put(NewPool, "Alice", ["admins"], GroupHandOver.SignInLifetime, NameRule.CaseSensitive);
        handOver.Put(NewPool, "ALICE", ["staff"], GroupHandOver.SignInLifetime, NameRule.CaseSensitive);

        Assert.Null(handOver.Take(NewPool, "alice"));
        Assert.Equal(["admins"], handOver.Take(NewPool, "Alice"));
    }

    [Fact]
    public void Put_BeyondCapacity_DropsTheEntryClosestToExpiry()
    {
        var handOver = new GroupHandOver(_clock, capacity: 2);
        handOver.Put(NewPool, "a", ["g"], GroupHandOver.SignInLifetime, NameRule.CaseSensitive);
        _clock.Advance(TimeSpan.FromSeconds(1));
        handOver.Put(NewPool, "b", ["g"], GroupHandOver.SignInLifetime, NameRule.CaseSensitive);
        handOver.Put(NewPool, "c", ["g"], GroupHandOver.SignInLifetime, NameRule.CaseSensitive);

        Assert.Equal(2, handOver.Count);
        Assert.Null(handOver.Take(NewPool, "a"));
    }
}
