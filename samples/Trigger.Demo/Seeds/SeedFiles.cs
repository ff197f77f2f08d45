using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Trigger.Demo.Seeds;

/// <summary>
/// Reads <c>samples/old-pool-users.json</c> and <c>samples/app-traffic.json</c> and checks them before anything
/// starts: one clear message naming the file and the entry that is wrong.
/// </summary>
internal static class SeedFiles
{
    public const string OldPoolPath = "samples/old-pool-users.json";
    public const string TrafficPath = "samples/app-traffic.json";

    private static readonly string[] _oldStatuses = ["CONFIRMED", "FORCE_CHANGE_PASSWORD"];
    private static readonly string[] _aliases = ["email", "phone_number", "preferred_username"];
    private static readonly string[] _passwords = ["right", "wrong", "made-up"];
    private static readonly string[] _finalStatuses = ["CONFIRMED", "RESET_REQUIRED"];

    /// <exception cref="SeedFileException">A file is missing, is not the expected JSON, or contradicts the other.</exception>
    public static DemoSeeds Load(string repositoryRoot)
    {
        var oldPool = Read(repositoryRoot, OldPoolPath, SeedJsonContext.Default.OldPoolFile);
        var traffic = Read(repositoryRoot, TrafficPath, SeedJsonContext.Default.AppTrafficFile);
        var seeds = new DemoSeeds(oldPool, traffic, OldPoolPath, TrafficPath);
        CheckOldPool(oldPool);
        CheckTraffic(seeds);
        return seeds;
    }

    private static T Read<T>(string root, string relativePath, JsonTypeInfo<T> typeInfo)
    {
        var path = Path.Combine(root, relativePath);
        if (!File.Exists(path))
        {
            throw new SeedFileException($"{relativePath} is missing (looked at {path}).");
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), typeInfo)
                ?? throw new SeedFileException($"{relativePath} holds null instead of an object.");
        }
        catch (JsonException e)
        {
            // Some messages already say where; the others get the line and the JSON path.
            var where = e.Message.Contains("LineNumber", StringComparison.Ordinal) ? "" : $" (line {e.LineNumber + 1}, at {e.Path})";
            throw new SeedFileException($"{relativePath} is not what the demo reads: {e.Message}{where}", e);
        }
    }

    private static void CheckOldPool(OldPoolFile pool)
    {
        void Fail(string what) => throw new SeedFileException($"{OldPoolPath}: {what}");

        if (pool.Users.Count == 0)
        {
            Fail("'users' is empty: the old pool needs at least one user.");
        }

        foreach (var alias in pool.AliasAttributes.Where(a => !_aliases.Contains(a, StringComparer.Ordinal)))
        {
            Fail($"aliasAttributes may hold email, phone_number and preferred_username only, not '{alias}'.");
        }

        foreach (var custom in pool.CustomAttributes.Where(c => c.StartsWith("custom:", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(c)))
        {
            Fail($"customAttributes lists names without the 'custom:' prefix (Cognito adds it); '{custom}' is not one.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < pool.Users.Count; i++)
        {
            var user = pool.Users[i];
            var at = $"users[{i}]";
            if (string.IsNullOrWhiteSpace(user.Username) || !seen.Add(user.Username))
            {
                Fail($"{at}.username '{user.Username}' is blank or used twice.");
            }

            if (string.IsNullOrEmpty(user.Password))
            {
                Fail($"{at} ({user.Username}) has no password.");
            }

            if (user.Status == "RESET_REQUIRED")
            {
                Fail($"{at} ({user.Username}): cognito-local cannot create RESET_REQUIRED users (it does not support AdminResetUserPassword).");
            }

            if (!_oldStatuses.Contains(user.Status, StringComparer.Ordinal))
            {
                Fail($"{at} ({user.Username}).status must be CONFIRMED or FORCE_CHANGE_PASSWORD, not '{user.Status}'.");
            }

            foreach (var name in user.Attributes.Keys)
            {
                if (name is "sub" or "email" or "email_verified" or "preferred_username" or "username" || name.StartsWith("cognito:", StringComparison.Ordinal))
                {
                    Fail($"{at} ({user.Username}).attributes may not set '{name}'{(name is "email" or "email_verified" or "preferred_username" ? $": use the user's own '{Camel(name)}' field" : "")}.");
                }

                if (name.StartsWith("custom:", StringComparison.Ordinal) && !pool.CustomAttributes.Contains(name["custom:".Length..], StringComparer.Ordinal))
                {
                    Fail($"{at} ({user.Username}) has {name}, but customAttributes does not list '{name["custom:".Length..]}'.");
                }
            }
        }
    }

    private static void CheckTraffic(DemoSeeds seeds)
    {
        void Fail(string what) => throw new SeedFileException($"{TrafficPath}: {what}");

        var traffic = seeds.Traffic;
        if (traffic.SignIns.Count == 0)
        {
            Fail("'signIns' is empty: the demo needs at least one sign-in.");
        }

        var migrated = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < traffic.SignIns.Count; i++)
        {
            var signIn = traffic.SignIns[i];
            var at = $"signIns[{i}] ({signIn.Typed})";
            if (string.IsNullOrWhiteSpace(signIn.Typed))
            {
                Fail($"signIns[{i}].typed is blank.");
            }

            if (signIn.User is not null && seeds.FindUser(signIn.User) is null)
            {
                Fail($"{at}.user '{signIn.User}' is not a user of {OldPoolPath}.");
            }

            if (!_passwords.Contains(signIn.Password, StringComparer.Ordinal))
            {
                Fail($"{at}.password must be right, wrong or made-up, not '{signIn.Password}'.");
            }

            if ((signIn.User is null) != (signIn.Password == "made-up"))
            {
                Fail($"{at}: a stranger (no 'user') has a made-up password, and only a stranger has one.");
            }

            if (signIn.User is null && seeds.OldPool.Users.Any(u => u.Username == signIn.Typed || u.Email == signIn.Typed || u.PreferredUsername == signIn.Typed))
            {
                Fail($"{at}: '{signIn.Typed}' belongs to a user of {OldPoolPath}; set 'user' to that user.");
            }

            CheckExpectation(signIn.Expect, at, ["migrated", "refused"], Fail);
            if (signIn.Expect.Function == "migrated" && signIn.User is null)
            {
                Fail($"{at}: a stranger cannot migrate.");
            }

            // After a migration the new pool answers by itself: that is the demo's second act, not a first sign-in.
            if (signIn.User is not null && migrated.Contains(signIn.User))
            {
                Fail($"{at}: {signIn.User} already migrated in an earlier sign-in; the demo signs every migrated user in again by itself.");
            }

            if (signIn.Expect.Function == "migrated")
            {
                migrated.Add(signIn.User!);
            }
        }

        for (var i = 0; i < traffic.SignUps.Count; i++)
        {
            var signUp = traffic.SignUps[i];
            var at = $"signUps[{i}] ({signUp.Username})";
            if (string.IsNullOrWhiteSpace(signUp.Username) || string.IsNullOrWhiteSpace(signUp.Email))
            {
                Fail($"signUps[{i}] needs a username and an email.");
            }

            CheckExpectation(signUp.Expect, at, ["allowed", "refused"], Fail);
        }
    }

    private static void CheckExpectation(Expectation expect, string at, string[] outcomes, Action<string> fail)
    {
        if (!outcomes.Contains(expect.Function, StringComparer.Ordinal))
        {
            fail($"{at}.expect.function must be {string.Join(" or ", outcomes)}, not '{expect.Function}'.");
        }

        if (expect.Function == "migrated" && !_finalStatuses.Contains(expect.FinalStatus ?? "", StringComparer.Ordinal))
        {
            fail($"{at}.expect.finalStatus must be CONFIRMED or RESET_REQUIRED for a migration, not '{expect.FinalStatus}'.");
        }

        if (expect.Function != "migrated" && expect.FinalStatus is not null)
        {
            fail($"{at}.expect.finalStatus only applies to a migration.");
        }

        if (string.IsNullOrWhiteSpace(expect.App))
        {
            fail($"{at}.expect.app is blank: say 'signed in', 'signed up' or the error type the app should get.");
        }
    }

    private static string Camel(string snake) =>
        string.Concat(snake.Split('_').Select((part, i) => i == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
}
