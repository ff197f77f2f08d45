namespace Trigger.Infra.Configuration;

/// <summary>
/// The optional <c>sync</c> section of a DR migration: the stack runs <c>cognito-migrate sync</c> from the old
/// (primary) pool into the new (standby) pool on a schedule, as an ECS Fargate task.
/// </summary>
internal sealed record SyncScheduleSettings
{
    /// <summary>An EventBridge Scheduler expression: <c>rate(6 hours)</c> or <c>cron(0 */6 * * ? *)</c> (UTC).</summary>
    public required string Schedule { get; init; }

    /// <summary>Hours without a successful run after which the freshness alarm fires.</summary>
    public required int StaleAfterHours { get; init; }

    /// <summary>ListUsers pages per second on the primary (<c>--list-rate</c>).</summary>
    public required int ListRate { get; init; }

    /// <summary>ListUsers pages per second on the standby (<c>--standby-list-rate</c>).</summary>
    public required int StandbyListRate { get; init; }

    /// <summary>AdminGetUser calls per second on each pool (<c>--read-rate</c>).</summary>
    public required int ReadRate { get; init; }

    /// <summary>AdminCreateUser calls per second on the standby (<c>--rate</c>).</summary>
    public required int CreateRate { get; init; }

    /// <summary>Attribute updates, enables, disables and password steps per second on the standby (<c>--update-rate</c>).</summary>
    public required int UpdateRate { get; init; }
}
