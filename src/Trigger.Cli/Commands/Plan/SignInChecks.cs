namespace Trigger.Cli.Commands.Plan;

/// <summary>
/// Sign-in compatibility: every name an old user can type must find the migrated user in the new
/// pool, with the same case rules, and no two old users may bring the same alias. Sign-in
/// attributes and case sensitivity are fixed when a pool is created, so each fix is a new pool.
/// </summary>
internal static class SignInChecks
{
    private const string Area = "sign-in";

    // How many shared values a finding lists by name; --output json carries the same text.
    private const int MaxListed = 20;

    public static IEnumerable<Finding> Run(PlanInput input)
    {
        var oldNames = SignInNames.Of(input.OldPool);
        var newNames = SignInNames.Of(input.NewPool);

        if (oldNames.TakesUsername && !newNames.TakesUsername)
        {
            yield return new Finding(
                "sign-in-username",
                Severity.Blocking,
                Area,
                $"Old users sign in with a username, but the new pool takes {string.Join(" or ", newNames.UsernameAttributes)} as the username: migrated users cannot keep or type their usernames.",
                "Create the new pool with username sign-in and AliasAttributes instead of UsernameAttributes (sign-in options are fixed at creation).");
        }

        foreach (var attribute in oldNames.Attributes.Except(newNames.Attributes, StringComparer.Ordinal))
        {
            yield return new Finding(
                "sign-in-alias",
                Severity.Blocking,
                Area,
                $"Old users can sign in with their {attribute}, but the new pool does not accept {attribute} as a sign-in name: once migrated, a user who types it is not found.",
                $"Create the new pool with {attribute} in its AliasAttributes (or UsernameAttributes), as in the old pool.");
        }

        if (!oldNames.CaseSensitive && newNames.CaseSensitive)
        {
            yield return new Finding(
                "case-sensitivity",
                Severity.Blocking,
                Area,
                "The old pool ignores case in usernames (and email and preferred_username aliases) but the new pool does not: a migrated user who types 'Alice' instead of 'alice' is not found.",
                "Create the new pool with UsernameConfiguration CaseSensitive=false, like the old pool.");
        }

        if (oldNames.CaseSensitive && !newNames.CaseSensitive)
        {
            var collisions = input.Sample is null ? null : CaseCollisions(input.Sample);
            yield return collisions switch
            {
                null => new Finding(
                    "case-sensitivity",
                    Severity.Warning,
                    Area,
                    "The old pool is case-sensitive and the new pool is not: old usernames that differ only in case (Alice, alice) become one name, and the second user to migrate fails.",
                    "Run plan --scan N to look for such usernames, and rename them in the old pool before the window opens."),
                { Count: 0 } => new Finding(
                    "case-sensitivity",
                    Severity.Warning,
                    Area,
                    $"The old pool is case-sensitive and the new pool is not; none of the {input.Sample!.Count} sampled usernames differ only in case, but users outside the sample might.",
                    "Scan more users (--scan N) if the pool is larger than the sample."),
                _ => new Finding(
                    "username-case-collision",
                    Severity.Blocking,
                    Area,
                    $"{collisions.Count} usernames of the {input.Sample!.Count} sampled old users differ only in case from another one (e.g. {Examples(collisions)}); in the case-insensitive new pool only the first of each can migrate.",
                    "Rename the colliding users in the old pool before the window opens, or create the new pool case-sensitive."),
            };
        }

        // A name the new pool accepts that the old pool never made unique: nothing stopped two old users
        // from sharing one, and the trigger refuses a name it finds on two old users as ambiguous.
        var neverUnique = newNames.Attributes.Except(oldNames.Attributes, StringComparer.Ordinal).ToList();
        if (input.Sample is { } sample)
        {
            foreach (var finding in SharedAliases(sample, newNames, neverUnique))
            {
                yield return finding;
            }
        }
        else
        {
            foreach (var attribute in neverUnique)
            {
                yield return new Finding(
                    "alias-not-unique",
                    Severity.Warning,
                    Area,
                    $"The new pool accepts {attribute} as a sign-in name but the old pool never made it unique: two old users may share one, and the trigger refuses a sign-in typed as a shared {attribute} as ambiguous.",
                    $"Run plan --scan N (or --snapshot with an export) to list old users who share a {attribute}, and give each a unique one before the window opens.");
            }
        }
    }

    private static IEnumerable<Finding> SharedAliases(UserSample sample, SignInNames newNames, IReadOnlyList<string> neverUnique)
    {
        foreach (var attribute in newNames.Attributes)
        {
            var asUsername = newNames.UsernameAttributes.Contains(attribute, StringComparer.Ordinal);
            // Email and phone become aliases only when verified; as the username they must be unique anyway.
            var verifiedFlag = attribute switch
            {
                "email" => "email_verified",
                "phone_number" => "phone_number_verified",
                _ => null,
            };
            var ignoreCase = !newNames.CaseSensitive && attribute is "email" or "preferred_username";
            var groups = sample.Users
                .Select(u => (User: u, Value: UserSample.Value(u, attribute)))
                .Where(x => x.Value is not null && (asUsername || verifiedFlag is null || UserSample.Value(x.User, verifiedFlag) == "true"))
                .GroupBy(x => x.Value!, ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal)
                .Where(g => g.Count() > 1)
                .ToList();
            if (groups.Count == 0)
            {
                continue;
            }

            var users = groups.Sum(g => g.Count());
            var examples = string.Join(", ", groups[0].Take(3).Select(x => x.User.Username));
            var message = $"{groups.Count} {attribute} value(s) are shared by {users} of the {sample.Count} sampled old users (e.g. {examples}): in the new pool a {attribute} can belong to one user only, so the others fail to migrate.";
            if (neverUnique.Contains(attribute, StringComparer.Ordinal))
            {
                // The old pool never made this name unique, so the operator has no other list of who shares one.
                message += $" The old pool never made {attribute} unique, and the trigger refuses a sign-in typed as a shared one as ambiguous. "
                    + $"Sharing one: {string.Join("; ", groups.Take(MaxListed).Select(g => $"{g.Key} ({string.Join(", ", g.Select(x => x.User.Username))})"))}"
                    + (groups.Count > MaxListed ? $"; and {groups.Count - MaxListed} more." : ".");
            }

            yield return new Finding(
                "alias-shared",
                Severity.Blocking,
                Area,
                message,
                $"Give each old user a unique {attribute} (or unverify the duplicates) before the window opens.");
        }
    }

    private static List<string> CaseCollisions(UserSample sample) =>
        [.. sample.Users
            .Select(u => u.Username)
            .OfType<string>()
            .GroupBy(name => name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .SelectMany(g => g)];

    private static string Examples(IEnumerable<string> names) => string.Join(", ", names.Take(3));
}
