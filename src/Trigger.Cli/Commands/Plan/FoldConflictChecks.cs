using Trigger.Cli.Commands.FoldIndex;

namespace Trigger.Cli.Commands.Plan;

/// <summary>
/// A case-sensitive old pool into a case-insensitive new pool: every folded name two or more old users own
/// (<c>Alice</c> and <c>alice</c>, or one's username and another's email), from --scan or --snapshot. The
/// trigger and the PreSignUp guard refuse such a name, so each is listed by name before the window opens.
/// </summary>
internal static class FoldConflictChecks
{
    public static IEnumerable<Finding> Run(PlanInput input)
    {
        if (input.Sample is not { } sample || !SignInNames.Of(input.OldPool).CaseSensitive || SignInNames.Of(input.NewPool).CaseSensitive)
        {
            yield break;
        }

        var contents = FoldIndexContents.Of(sample.Users
            .Where(user => !string.IsNullOrEmpty(user.Username))
            .Select(user => (user.Username!, (IReadOnlyDictionary<string, string>?)(user.Attributes ?? [])
                .Where(a => a.Value is not null)
                .GroupBy(a => a.Name, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Value!, StringComparer.Ordinal))));
        var conflicts = FoldIndexContents.Conflicts(contents).Select(FoldIndexContents.Describe).ToList();
        if (conflicts.Count == 0)
        {
            yield break;
        }

        yield return new Finding(
            "fold-conflict",
            Severity.Blocking,
            "sign-in",
            $"{conflicts.Count} name(s) of the {sample.Count} old users read fold to the same lowercase name as another old user's, and the case-insensitive new pool cannot tell them apart; "
            + $"the trigger and the PreSignUp guard refuse each of them: {string.Join("; ", conflicts)}.",
            "Rename or remove one owner of each name in the old pool (or change the email), export again and rebuild the index (cognito-migrate index) before the window opens.");
    }
}
