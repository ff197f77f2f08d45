using Trigger.Contract;
using Trigger.Migration.Decisions;

namespace Trigger.Cli.Commands.Plan;

/// <summary>
/// The two pools' case rules. A case-insensitive new pool hands the trigger and the guard names folded to
/// lowercase; a case-sensitive old pool's look-ups (AdminGetUser, the ListUsers username filter) are exact, so
/// an old user with a capital in a name cannot be found from what the new pool hands over unless the function
/// has the fold index (each old name folded, to its owners) to fall back on.
/// </summary>
internal static class CaseRuleChecks
{
    private const string Area = "sign-in";

    // The names a case-insensitive pool folds: the username and, with it, the email and preferred_username aliases.
    private static readonly string[] _foldedAttributes = ["email", "preferred_username"];

    public static IEnumerable<Finding> Run(PlanInput input)
    {
        var oldNames = NameRule.For(input.OldPool.UsernameConfiguration?.CaseSensitive);
        var newNames = NameRule.For(input.NewPool.UsernameConfiguration?.CaseSensitive);
        if (!oldNames.IsCaseSensitive || newNames.IsCaseSensitive)
        {
            yield break;
        }

        var folding = input.Sample is { } sample ? FoldingUsers(sample) : (int?)null;
        var counted = folding is { } count
            ? $" {count} of the {input.Sample!.Count} old users read have a username, email or preferred_username that folds to a different string."
            : " Add --scan N or --snapshot to count the old users whose names fold to a different string.";
        var rules = $"The old pool is {oldNames} and the new pool is {newNames}: the new pool hands the trigger and the PreSignUp guard names folded to lowercase ('quinn' for 'Quinn'), and the old pool's look-ups are exact.";
        if (input.FoldIndexTable is null && folding != 0)
        {
            yield return new Finding(
                "case-fold-index-missing",
                Severity.Blocking,
                Area,
                rules + " Without the fold index such users cannot migrate (by sign-in or forgot-password), and the guard cannot see that a sign-up in another case claims their name." + counted,
                $"Build the fold index from an export (cognito-migrate index --snapshot old-pool.jsonl) and set {TriggerSettingNames.FoldIndexTable} on the function (give plan --fold-index-table <table>).");
        }
        else
        {
            yield return new Finding(
                "case-rules",
                Severity.Warning,
                Area,
                rules + (input.FoldIndexTable is null ? " No sampled user has a name with a capital letter." : $" The function falls back to the fold index {input.FoldIndexTable}.") + counted,
                "Rebuild the fold index from a fresh export whenever the old pool has changed since the last one.");
        }
    }

    private static int FoldingUsers(UserSample sample) => sample.Users.Count(user =>
        (user.Username is { } username && Folds(username))
        || _foldedAttributes.Any(attribute => UserSample.Value(user, attribute) is { } value && Folds(value)));

    private static bool Folds(string name) => !string.Equals(NameFolding.Fold(name), name, StringComparison.Ordinal);
}
