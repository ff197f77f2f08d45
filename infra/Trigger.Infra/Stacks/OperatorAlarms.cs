using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.SNS;
using Constructs;

namespace Trigger.Infra.Stacks;

/// <summary>
/// The form the stack's fault alarms share: they fire when a count or a time reaches a threshold, read a period
/// without data as healthy (no sign-ins, no scheduled run yet), and tell the operator's optional topic both when
/// they fire and when they clear.
/// </summary>
internal static class OperatorAlarms
{
    /// <summary>An alarm that fires when <paramref name="metric"/> reaches <paramref name="threshold"/>; missing data does not breach.</summary>
    public static Alarm AtOrAbove(
        Construct scope, string id, string name, string description, IMetric metric, double threshold, int evaluationPeriods = 1, int? datapointsToAlarm = null) =>
        new(scope, id, new AlarmProps
        {
            AlarmName = name,
            AlarmDescription = description,
            Metric = metric,
            Threshold = threshold,
            EvaluationPeriods = evaluationPeriods,
            DatapointsToAlarm = datapointsToAlarm,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });

    /// <summary>Sends each alarm's firing and clearing to the SNS topic <paramref name="topicArn"/>; nothing when it is null.</summary>
    public static void Notify(Construct scope, string? topicArn, params Alarm[] alarms)
    {
        if (topicArn is null)
        {
            return;
        }

        var action = new SnsAction(Topic.FromTopicArn(scope, "Topic", topicArn));
        foreach (var alarm in alarms)
        {
            alarm.AddAlarmAction(action);
            alarm.AddOkAction(action);
        }
    }
}
