using Trigger.Cli.Commands.Groups;
using Trigger.Cli.Clients;

namespace Trigger.Cli.Commands.Plan;

/// <summary>
/// The pools' groups. Applications authorise on <c>cognito:groups</c>: an old group the new pool lacks means
/// its members arrive without it (the trigger adds only the groups that exist). Group names compare exactly.
/// </summary>
internal static class GroupChecks
{
    public static IEnumerable<Finding> Run(PlanInput input)
    {
        var missing = input.Groups.Where(g => g.State == GroupState.Missing).Select(g => g.Old.GroupName!).ToList();
        var withMembers = missing.Where(input.MissingGroupsWithMembers.Contains).ToList();
        if (withMembers.Count > 0)
        {
            yield return new Finding(
                "group-missing",
                Severity.Blocking,
                "groups",
                $"Old users belong to {withMembers.Count} group(s) the new pool lacks ({string.Join(", ", withMembers)}): they would arrive without those memberships.",
                "Copy the definitions: cognito-migrate groups --old-pool-id <old> --new-pool-id <new> (--dry-run first; --role-map for groups with an IAM role).");
        }

        var empty = missing.Except(withMembers, StringComparer.Ordinal).ToList();
        if (empty.Count > 0)
        {
            yield return new Finding(
                "group-missing-empty",
                Severity.Warning,
                "groups",
                $"The new pool lacks {empty.Count} old group(s) nobody belongs to ({string.Join(", ", empty)}).",
                "Copy them too if the application expects them: cognito-migrate groups --old-pool-id <old> --new-pool-id <new>.");
        }

        var differing = input.Groups.Where(g => g.State == GroupState.Differs).ToList();
        if (differing.Count > 0)
        {
            yield return new Finding(
                "group-differs",
                Severity.Warning,
                "groups",
                "Groups of both pools differ: " + string.Join("; ", differing.Select(g => $"{g.Old.GroupName} ({string.Join(", ", g.Differences)})"))
                + ". Precedence decides which group's role a user gets; the tokens' cognito:groups lists them all.",
                "Align them in the new pool if the difference is not intended (groups leaves existing groups alone).");
        }

        var triggers = input.NewPool.LambdaConfig;
        if (input.Groups.Count > 0 && triggers?.UserMigration is { Length: > 0 } migration
            && (triggers.PostAuthentication is not { Length: > 0 } step || !FunctionArns.SameFunction(migration, step)))
        {
            yield return new Finding(
                "groups-step-missing",
                Severity.Warning,
                "groups",
                "The old pool has groups but the migration function is not the new pool's PostAuthentication trigger: users who sign in through the trigger "
                + "arrive without their groups until the sweep adds them.",
                $"Attach it: cognito-migrate enable --new-pool-id <id> --function-arn {migration} (enable attaches it unless --no-groups).");
        }

        // PostAuthentication writes the memberships, but Cognito only promises its changes for the next sign-in: the
        // first tokens carry the groups through the Pre token generation answer.
        if (input.Groups.Count > 0 && triggers?.UserMigration is { Length: > 0 } migrating
            && (triggers.PreTokenGenerationConfig?.LambdaArn ?? triggers.PreTokenGeneration) is var tokenStep
            && (tokenStep is not { Length: > 0 } || !FunctionArns.SameFunction(migrating, tokenStep)))
        {
            yield return new Finding(
                "groups-token-step-missing",
                Severity.Warning,
                "groups",
                "The old pool has groups but the migration function is not the new pool's Pre token generation trigger: the first tokens of a user "
                + "migrated at sign-in may lack cognito:groups (Cognito applies PostAuthentication's changes from the next sign-in).",
                $"Attach it: cognito-migrate enable --new-pool-id <id> --function-arn {migrating} (enable attaches it unless --no-groups; "
                + "V2_0 on the Essentials and Plus plans puts the groups in the access token too).");
        }
    }
}
