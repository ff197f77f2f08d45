using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.Lambda;
using Constructs;
using Trigger.Infra.Configuration;

namespace Trigger.Infra.Stacks;

/// <summary>
/// The three ways the trigger hurts sign-in: it fails, it is throttled, or it nears Cognito's
/// 5-second budget. Each alarm notifies the optional topic when it fires and when it clears.
/// </summary>
internal sealed class MigrationAlarms : Construct
{
    // Wrong passwords and unknown users are answers, not function errors; an error is a fault
    // (old pool unreachable, bad configuration) and every one is a user who could not sign in.
    internal const double ErrorThreshold = 1;

    // A throttled trigger is a failed sign-in.
    internal const double ThrottleThreshold = 1;

    // 80% of Cognito's 5-second trigger budget: past it, retries and slow old-pool calls time out.
    internal const double DurationP99ThresholdMs = 4000;

    public MigrationAlarms(Construct scope, string id, MigrationSettings migration, IFunction function)
        : base(scope, id)
    {
        var period = Duration.Minutes(5);
        Errors = OperatorAlarms.AtOrAbove(
            this,
            "Errors",
            $"{migration.StackName}-errors",
            $"The migration trigger of {migration.Name} failed: users could not sign in.",
            function.MetricErrors(new MetricOptions { Period = period, Statistic = "Sum" }),
            ErrorThreshold);
        Throttles = OperatorAlarms.AtOrAbove(
            this,
            "Throttles",
            $"{migration.StackName}-throttles",
            $"The migration trigger of {migration.Name} was throttled: users could not sign in.",
            function.MetricThrottles(new MetricOptions { Period = period, Statistic = "Sum" }),
            ThrottleThreshold);

        // Two slow periods out of three: one slow cold-start burst alone is not a trend.
        DurationP99 = OperatorAlarms.AtOrAbove(
            this,
            "DurationP99",
            $"{migration.StackName}-duration-p99",
            $"The migration trigger of {migration.Name} nears Cognito's 5-second limit (p99 over 4 s).",
            function.MetricDuration(new MetricOptions { Period = period, Statistic = "p99" }),
            DurationP99ThresholdMs,
            evaluationPeriods: 3,
            datapointsToAlarm: 2);
        OperatorAlarms.Notify(this, migration.AlarmTopicArn, Errors, Throttles, DurationP99);
    }

    public Alarm Errors { get; }

    public Alarm Throttles { get; }

    public Alarm DurationP99 { get; }
}
