using Trigger.Demo.App;

namespace Trigger.Cli.Tests.Commands.Sync;

/// <summary>The sample's password carry-over: never in the way of the real sign-in, never a password in a log.</summary>
public sealed class StandbyCarryOverTests
{
    private const string Password = "Users-Real-Pa55!";

    [Fact]
    public async Task Carry_StandbyStillAnswering_ReturnsBeforeTheStandbySignInEnds()
    {
        var standby = new TaskCompletionSource();
        var carryOver = new StandbyCarryOver((_, _, _) => standby.Task, _ => { }, TimeSpan.FromMinutes(5));

        var carrying = carryOver.Carry("ann", Password);

        Assert.False(carrying.IsCompleted);
        standby.SetResult();
        await carrying;
    }

    [Fact]
    public async Task Carry_StandbyFailsWithThePasswordInItsMessage_NothingThrownAndOnlyTheTypeLogged()
    {
        var log = new List<string>();
        var carryOver = new StandbyCarryOver((_, password, _) => throw new InvalidOperationException($"refused {password}"), log.Add, TimeSpan.FromMinutes(5));

        await carryOver.Carry("ann", Password);

        var line = Assert.Single(log);
        Assert.Contains(nameof(InvalidOperationException), line, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Carry_StandbyNeverAnswers_AbandonedAtItsDeadlineWithoutAnError()
    {
        var log = new List<string>();
        var carryOver = new StandbyCarryOver((_, _, token) => Task.Delay(Timeout.Infinite, token), log.Add, TimeSpan.FromMilliseconds(1));

        await carryOver.Carry("ann", Password);

        Assert.Contains(nameof(TaskCanceledException), Assert.Single(log), StringComparison.Ordinal);
    }
}
