namespace Trigger.Cli.Commands.Plan;

/// <summary>The plan as <c>--output json</c> prints it.</summary>
internal sealed record PlanReport(
    PoolSummary OldPool,
    PoolSummary NewPool,
    IReadOnlyList<AppClientSummary> OldPoolClients,
    IReadOnlyList<AppClientSummary> NewPoolClients,
    SampleSummary? Sample,
    IReadOnlyList<Finding> Findings,
    int Blocking,
    int Warnings,
    SweepSummary Sweep,
    IReadOnlyList<EnvironmentSetting> FunctionEnvironment,
    IReadOnlyList<string> Notes);

/// <summary>One pool's facts in the plan.</summary>
internal sealed record PoolSummary(
    string Id,
    string? Name,
    string Region,
    int? EstimatedUsers,
    string SignIn,
    string Mfa,
    string PasswordPolicy,
    string? UserMigrationTrigger,
    string? PreSignUpTrigger);

/// <summary>One app client in the plan; never its secret, only whether it has one.</summary>
internal sealed record AppClientSummary(
    string? ClientId,
    string? ClientName,
    IReadOnlyList<string> AuthFlows,
    bool ReachesTrigger,
    bool HasSecret,
    string PreventUserExistenceErrors);

/// <summary>What <c>--scan</c> read.</summary>
internal sealed record SampleSummary(int Requested, int Read);

/// <summary>The sweep estimate in minutes.</summary>
internal sealed record SweepSummary(long Users, double ListingMinutes, double CreatingMinutes, string Listing, string Creating);
