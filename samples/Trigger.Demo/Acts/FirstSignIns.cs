using System.Globalization;
using Trigger.Demo.App;
using Trigger.Demo.Report;
using Trigger.Demo.World;
using Trigger.Testing;
using Trigger.Testing.Lambda;

namespace Trigger.Demo.Acts;

/// <summary>
/// Act 1: every sign-in of samples/app-traffic.json, as the apps send it. Shows what the function decided (its
/// own log line), what the app saw, and checks both, plus what landed in the new pool.
/// </summary>
internal static class FirstSignIns
{
    public static async Task<IReadOnlyList<MigratedUser>> RunAsync(DemoContext c)
    {
        c.Out.Section("1. First sign-ins, as the users' apps send them (InitiateAuth, USER_PASSWORD_AUTH, on the new pool)");
        var table = new TextTable("", "who", "types", "password", "the function (its log line)", "old-pool calls", "took", "the app saw");
        var migrated = new List<MigratedUser>();
        var notes = new SortedSet<int>();
        foreach (var attempt in c.Seeds.Traffic.SignIns)
        {
            var user = c.Seeds.FindUser(attempt.User);
            var shimsBefore = c.World.Bridge.ShimApplications.Count;
            var answer = await c.App.SignInAsync(attempt.Typed, DemoPasswords.For(attempt, user), c.CancellationToken);
            var lines = await c.Log.TakeNewAsync(c.CancellationToken);
            var shims = c.World.Bridge.ShimApplications.Skip(shimsBefore).Select(s => s.Shim).ToList();
            var username = user?.Username ?? attempt.Typed;
            var newUser = await c.World.NewUserOrNullAsync(username, c.CancellationToken);
            var line = lines.LastOrDefault();
            var expect = attempt.Expect;
            var subject = $"sign-in '{attempt.Typed}'";

            var ok = c.Checks.Expect(lines.Count == 1, subject, "one function invocation", $"{lines.Count}");
            ok &= c.Checks.Expect(
                line?.Outcome == expect.Function && (expect.Reason is null || line.Reason == expect.Reason),
                subject, $"the function to log {expect.Function}{(expect.Reason is null ? "" : $": {expect.Reason}")}", line?.Describe() ?? "no log line");
            ok &= c.Checks.Expect(answer.Outcome == expect.App, subject, $"the app to see {expect.App}", answer.Describe());
            if (expect.Function == "migrated")
            {
                ok &= c.Checks.Expect(newUser?.UserStatus == expect.FinalStatus, subject,
                    $"user '{username}' in the new pool as {expect.FinalStatus}", newUser is null ? "no such user" : newUser.UserStatus);
                if (newUser is not null)
                {
                    var oldUser = c.OldUsers[username];
                    var differences = AttributeDifferences(oldUser, newUser);
                    ok &= c.Checks.Expect(differences.Count == 0, subject, "the old attributes the new schema has, and no others",
                        string.Join("; ", differences));
                    var shouldLeaveOut = oldUser.Attributes.Keys.Where(name => !NewPoolDesign.Keeps(name)).Order(StringComparer.Ordinal).ToList();
                    var leftOut = line?.DroppedAttributes ?? [];
                    ok &= c.Checks.Expect(leftOut.SequenceEqual(shouldLeaveOut), subject,
                        $"the function to log as left out: {Names(shouldLeaveOut)}", Names(leftOut));
                    if (!migrated.Any(m => m.NewUser.Username == username))
                    {
                        migrated.Add(new MigratedUser(attempt, answer, oldUser, newUser, differences, leftOut));
                    }
                }
            }
            else
            {
                var movedEarlier = migrated.Any(m => m.NewUser.Username == username);
                ok &= c.Checks.Expect(newUser is null || movedEarlier, subject, $"no user '{username}' in the new pool",
                    $"user '{username}' ({newUser?.UserStatus})");
            }

            var function = (line?.Describe() ?? "not invoked") +
                Footnote(shims.Contains(CognitoLocalShim.UsernameInjected), 1, notes) +
                Footnote(shims.Contains(CognitoLocalShim.EmptyResponseRejected), 2, notes) +
                Footnote(attempt.Password == "wrong" && line?.Reason == "OldPoolUnavailable", 3, notes);
            var appSaw = answer.Describe() + Footnote(answer.Outcome == "PasswordResetRequiredException", 4, notes);
            table.Add(
                Checks.Mark(ok),
                user?.Username ?? "a stranger",
                attempt.Typed,
                DemoPasswords.Describe(attempt, user),
                function,
                line is null ? "-" : line.OldPoolCalls.ToString(CultureInfo.InvariantCulture),
                line is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{line.DurationMs:0} ms"),
                appSaw);
        }

        table.Print(c.Out);
        c.Out.Note("old-pool calls: AdminGetUser for the typed name, a ListUsers filter per alias it could be, AdminGetUser for " +
                   "the match, AdminInitiateAuth to check the password. took: the function's own time, of Cognito's 5 s.");
        PrintNotes(c, notes);
        return migrated;
    }

    private static string Names(IReadOnlyList<string> names) => names.Count == 0 ? "nothing" : string.Join(", ", names);

    /// <summary>
    /// Where the new user's attributes differ from a faithful migration: every old attribute the new schema has,
    /// with the same value (verification flags included, never invented), and nothing else. The sub is
    /// Cognito's own and never carried; see <see cref="CognitoLocalOnly"/> for 'username'.
    /// </summary>
    private static List<string> AttributeDifferences(UserView oldUser, UserView newUser)
    {
        var differences = new List<string>();
        foreach (var (name, value) in oldUser.Attributes.Where(a => a.Key != "sub"))
        {
            var carried = newUser[name];
            if (NewPoolDesign.Keeps(name) && carried != value)
            {
                differences.Add($"{name} is '{carried ?? "(missing)"}', the old pool has '{value}'");
            }
            else if (!NewPoolDesign.Keeps(name) && carried is not null)
            {
                differences.Add($"{name} was carried although the new schema lacks it");
            }
        }

        differences.AddRange(newUser.Attributes
            .Where(a => a.Key != "sub" && !CognitoLocalOnly(a.Key) && oldUser[a.Key] is null)
            .Select(a => $"{a.Key} appeared although the old user has none"));
        return differences;
    }

    /// <summary>
    /// cognito-local stores the <c>username</c> a migration answer names as an attribute too (it copies
    /// <c>userAttributes</c> whole); real Cognito takes it as the user's name only.
    /// </summary>
    public static bool CognitoLocalOnly(string attributeName) => attributeName == "username";

    private static string Footnote(bool applies, int number, SortedSet<int> notes)
    {
        if (!applies)
        {
            return "";
        }

        notes.Add(number);
        return $" [{number}]";
    }

    private static void PrintNotes(DemoContext c, SortedSet<int> notes)
    {
        const string Hang = "      ";
        foreach (var note in notes)
        {
            c.Out.Note(note switch
            {
                1 => "The function returned the user's attributes without 'username', as it should when the typed name is the username: " +
                     "real Cognito then names the new user with the typed name. cognito-local would pick a random id instead, " +
                     "so the bridge added username = the typed name (a shim in the test support code, never in the product).",
                2 => "The function refused with an empty response, which Cognito treats as \"no such user\". cognito-local would create " +
                     "an empty user from it, so the bridge turned it into a function error, and cognito-local reports any failed trigger as " +
                     "NotAuthorizedException \"User not authorized\". Real Cognito, with PreventUserExistenceErrors ENABLED on the app client, " +
                     "answers NotAuthorizedException \"Incorrect username or password.\": the same words as a plain wrong password, so the " +
                     "app (and an attacker) cannot tell a wrong password from a disabled or unknown user.",
                3 => "cognito-local answers a wrong password at AdminInitiateAuth with InvalidPasswordException; real Cognito says " +
                     "NotAuthorizedException, which the function logs as WrongPassword. Not knowing this answer, the function logs " +
                     "OldPoolUnavailable here, and refuses all the same.",
                _ => "A temporary password proves who the user is but is no password to keep: the function migrates the user as " +
                     "RESET_REQUIRED (never CONFIRMED), so the app gets PasswordResetRequiredException and starts the forgot-password " +
                     "flow, with the code going to the user's verified email.",
            }, indent: Hang, firstIndent: $"  [{note}] ");
        }
    }
}
