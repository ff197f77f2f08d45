using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SNS;
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
        Errors = new Alarm(this, "Errors", new AlarmProps
        {
            AlarmName = $"{migration.StackName}-errors",
            AlarmDescription = $"The migration trigger of {migration.Name} failed: users could not sign in.",
            Metric = function.MetricErrors(new MetricOptions { Period = period, Statistic = "Sum" }),
            Threshold = ErrorThreshold,
            EvaluationPeriods = 1,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        Throttles = new Alarm(this, "Throttles", new AlarmProps
        {
            AlarmName = $"{migration.StackName}-throttles",
            AlarmDescription = $"The migration trigger of {migration.Name} was throttled: users could not sign in.",
            Metric = function.MetricThrottles(new MetricOptions { Period = period, Statistic = "Sum" }),
            Threshold = ThrottleThreshold,
            EvaluationPeriods = 1,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        DurationP99 = new Alarm(this, "DurationP99", new AlarmProps
        {
            AlarmName = $"{migration.StackName}-duration-p99",
            AlarmDescription = $"The migration trigger of {migration.Name} nears Cognito's 5-second limit (p99 over 4 s).",
            Metric = function.MetricDuration(new MetricOptions { Period = period, Statistic = "p99" }),
            Threshold = DurationP99ThresholdMs,
            // Two slow periods out of three: one slow cold-start burst alone is not a trend.
            EvaluationPeriods = 3,
            DatapointsToAlarm = 2,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });

        if (migration.AlarmTopicArn is { } topicArn)
        {
            var action = new SnsAction(Topic.FromTopicArn(this, "Topic", topicArn));
            foreach (var alarm in new[] { Errors, Throttles, DurationP99 })
            {
                alarm.AddAlarmAction(action);
                alarm.AddOkAction(action);
            }
        }
    }

    public Alarm Errors { get; }

    public Alarm Throttles { get; }

    public Alarm DurationP99 { get; }
}
