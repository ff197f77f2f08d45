namespace Trigger.Cli.Commands.Plan;

/// <summary>Every check of the plan, in the order the report lists them. Pure: no calls, no clock.</summary>
internal static class PlanChecks
{
    public static IReadOnlyList<Finding> Evaluate(PlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return
        [
            .. AttributeChecks.Run(input),
            .. SignInChecks.Run(input),
            .. CaseRuleChecks.Run(input),
            .. FoldConflictChecks.Run(input),
            .. AppClientChecks.Run(input),
            .. SecurityChecks.Run(input),
            .. TriggerChecks.Run(input),
            .. GroupChecks.Run(input),
            .. DisasterRecoveryChecks.Run(input),
        ];
    }
}
