using Trigger.Contract;
using Trigger.Demo.Report;
using Trigger.Testing;

namespace Trigger.Demo.Acts;

/// <summary>Act 2: who is in the new pool now, with which attributes and status (AdminGetUser), and who is not.</summary>
internal static class ReadBack
{
    public static void Run(DemoContext c, IReadOnlyList<MigratedUser> migrated)
    {
        c.Out.Section("2. Who migrated, read back from the new pool (AdminGetUser on cognito-local #2)");
        var table = new TextTable("", "username", "status", "attributes");
        foreach (var user in migrated)
        {
            table.Add(Checks.Mark(user.AttributeDifferences.Count == 0), user.NewUser.Username, user.NewUser.UserStatus, Attributes(user.NewUser));
            if (user.LeftOut.Count > 0)
            {
                table.Add("", "", "", Paint.Dim(
                    $"left out by the function: {string.Join(", ", user.LeftOut)} (the new schema lacks it; Cognito would refuse the whole migration)"));
            }

            if (user.Attempt.Typed != user.NewUser.Username)
            {
                table.Add("", "", "", Paint.Dim($"signed in as '{user.Attempt.Typed}', kept the username '{user.NewUser.Username}' the apps' data is keyed on"));
            }
        }

        table.Print(c.Out);

        if (migrated.Any(m => m.NewUser.Attributes.Keys.Any(FirstSignIns.CognitoLocalOnly)))
        {
            c.Out.Note("Not shown: the 'username' attribute cognito-local adds to migrated users (it stores the migration answer's " +
                       "userAttributes whole); real Cognito makes it the user's name only.");
        }

        if (migrated.All(m => m.NewUser["sub"] is null))
        {
            c.Out.Note("None has a 'sub': cognito-local gives migrated users none. Real Cognito gives each a new one, different from the " +
                       $"old pool's; set {TriggerSettingNames.LegacySubAttribute} to keep the old one in a custom attribute if data is keyed on it.");
        }

        var moved = migrated.Select(m => m.NewUser.Username).ToHashSet(StringComparer.Ordinal);
        var refused = c.Seeds.Traffic.SignIns
            .Select(s => s.User ?? s.Typed)
            .Where(name => !moved.Contains(name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (refused.Count > 0)
        {
            c.Out.Note($"Not in the new pool (AdminGetUser: UserNotFoundException): {string.Join(", ", refused)}. " +
                       "The old pool still holds the old users among them, unchanged; they migrate whenever they sign in right.");
        }
    }

    private static string Attributes(UserView user)
    {
        static int Rank(string name) => name switch
        {
            "email" => 0,
            "preferred_username" => 1,
            _ when name.StartsWith("custom:", StringComparison.Ordinal) => 3,
            _ => 2,
        };

        return string.Join(", ", user.Attributes
            .Where(a => a.Key is not ("email_verified" or "sub") && !FirstSignIns.CognitoLocalOnly(a.Key))
            .OrderBy(a => Rank(a.Key)).ThenBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => a.Key == "email"
                ? $"email={a.Value} ({(user["email_verified"] == "true" ? "verified" : "not verified")})"
                : $"{a.Key}={a.Value}"));
    }
}
