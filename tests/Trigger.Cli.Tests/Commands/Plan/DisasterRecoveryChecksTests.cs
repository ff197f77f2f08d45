using Trigger.Aws.Cognito;
using Trigger.Cli.Commands.Plan;
using Trigger.Cli.Commands.Sync;

namespace Trigger.Cli.Tests.Commands.Plan;

/// <summary><c>plan --sync-state</c>: is the standby of a disaster-recovery pair current and able to take passwords over?</summary>
public sealed class DisasterRecoveryChecksTests
{
    private const string Function = "arn:aws:lambda:eu-central-1:123456789012:function:migrate";
    private static readonly DateTimeOffset _now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Run_FreshPassWithoutFindingsAndTheTriggerAttached_NoFinding() =>
        Assert.Empty(DisasterRecoveryChecks.Run(Input(Pass(hoursAgo: 5))));

    [Fact]
    public void Run_NoSyncFlag_NoFinding() =>
        Assert.Empty(DisasterRecoveryChecks.Run(Input(null) with { DisasterRecovery = null }));

    [Fact]
    public void Run_NoCompletePassRecorded_Blocking() =>
        Assert.Equal(("dr-never-synced", Severity.Blocking), Single(Input(null)));

    [Fact]
    public void Run_LastPassOlderThanTheMaximum_BlockingStale() =>
        Assert.Equal(("dr-sync-stale", Severity.Blocking), Single(Input(Pass(hoursAgo: 30))));

    [Fact]
    public void Run_WorkDirectoryOfAnotherPair_Blocking() =>
        Assert.Equal(("dr-sync-other-pools", Severity.Blocking), Single(Input(Pass(hoursAgo: 1) with { StandbyUserPoolId = "eu-central-1_Other" })));

    [Fact]
    public void Run_LastPassLeftFailedUsers_Warning() =>
        Assert.Equal(("dr-sync-findings", Severity.Warning), Single(Input(Pass(hoursAgo: 1, failed: 3))));

    [Fact]
    public void Run_StandbyWithoutTheMigrationTrigger_WarnsPasswordsCannotBeCarried()
    {
        var input = Input(Pass(hoursAgo: 1));
        input = input with { NewPool = input.NewPool with { LambdaConfig = null } };

        Assert.Equal(("dr-no-password-carry-over", Severity.Warning), Single(input));
    }

    [Fact]
    public void Evaluate_PlanRunsTheDisasterRecoveryChecks() =>
        Assert.Contains(PlanChecks.Evaluate(Input(null)), f => f.Code == "dr-never-synced");

    private static (string, Severity) Single(PlanInput input)
    {
        var finding = Assert.Single(DisasterRecoveryChecks.Run(input));
        return (finding.Code, finding.Severity);
    }

    private static SyncFreshness Pass(double hoursAgo, long failed = 0) => new()
    {
        PrimaryUserPoolId = "eu-west-1_Primary",
        StandbyUserPoolId = "eu-central-1_Standby",
        StartedAt = _now.AddHours(-hoursAgo - 1),
        CompletedAt = _now.AddHours(-hoursAgo),
        Counts = failed > 0 ? new SortedDictionary<string, long> { ["failed"] = failed, ["updated"] = 2 } : new SortedDictionary<string, long> { ["updated"] = 2 },
    };

    private static PlanInput Input(SyncFreshness? last) => new()
    {
        OldPool = new UserPoolType { Id = "eu-west-1_Primary" },
        NewPool = new UserPoolType { Id = "eu-central-1_Standby", LambdaConfig = new LambdaConfigType { UserMigration = Function, PreSignUp = Function } },
        OldClients = [],
        NewClients = [],
        DisasterRecovery = new DisasterRecoveryState("/var/lib/cognito-sync/work", last, _now, TimeSpan.FromHours(24)),
    };
}
