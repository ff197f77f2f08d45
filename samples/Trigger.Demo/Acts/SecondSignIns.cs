using System.Globalization;
using Trigger.Demo.App;
using Trigger.Demo.Report;

namespace Trigger.Demo.Acts;

/// <summary>
/// Act 3: every migrated user signs in once more. The new pool knows them now, so the function must not run
/// and the old pool must not be asked.
/// </summary>
internal static class SecondSignIns
{
    public static async Task RunAsync(DemoContext c, IReadOnlyList<MigratedUser> migrated)
    {
        c.Out.Section("3. The migrated users sign in a second time");
        var bridge = c.World.Bridge;
        var invocationsBefore = bridge.Invocations;
        var oldPoolCallsBefore = c.Log.OldPoolCalls;
        var table = new TextTable("", "who", "types", "password", "function invocations", "the app saw");
        var aliases = new List<string>();
        foreach (var user in migrated)
        {
            var seed = c.Seeds.FindUser(user.NewUser.Username)!;
            var before = bridge.Invocations;
            // cognito-local ignores AliasAttributes: an alias would reach the trigger again. Real Cognito
            // resolves it to the migrated user, which is what typing the username does here.
            var typed = user.NewUser.Username;
            if (typed != user.Attempt.Typed)
            {
                aliases.Add(user.Attempt.Typed);
            }

            var answer = await c.App.SignInAsync(typed, DemoPasswords.For(user.Attempt, seed), c.CancellationToken);
            var lines = await c.Log.TakeNewAsync(c.CancellationToken);
            var after = bridge.Invocations;

            var subject = $"second sign-in '{typed}'";
            var ok = c.Checks.Expect(after == before && lines.Count == 0, subject, "no function invocation", $"{after - before}");
            ok &= c.Checks.Expect(answer.Outcome == user.FirstAnswer.Outcome, subject, $"the app to see {user.FirstAnswer.Outcome} again", answer.Describe());
            table.Add(
                Checks.Mark(ok),
                user.NewUser.Username,
                typed + (typed != user.Attempt.Typed ? " [5]" : ""),
                DemoPasswords.Describe(user.Attempt, seed),
                string.Create(CultureInfo.InvariantCulture, $"{before} → {after}"),
                answer.Describe());
        }

        table.Print(c.Out);
        if (aliases.Count > 0)
        {
            c.Out.Note($"Real Cognito resolves an alias ({string.Join(", ", aliases)}) to the migrated user without the trigger. " +
                       "cognito-local ignores AliasAttributes, so an alias would reach the trigger again here: the app types the username instead.",
                indent: "      ", firstIndent: "  [5] ");
        }

        var oldPoolCalls = c.Log.OldPoolCalls - oldPoolCallsBefore;
        c.Checks.Expect(bridge.Invocations == invocationsBefore && oldPoolCalls == 0, "second sign-ins",
            "the function not invoked and the old pool not called", $"{bridge.Invocations - invocationsBefore} invocations, {oldPoolCalls} old-pool calls");
        c.Out.Note(
            $"{migrated.Count} sign-ins, {bridge.Invocations - invocationsBefore} function invocations (still {bridge.Invocations} in all), " +
            $"{oldPoolCalls} old-pool calls (still {c.Log.OldPoolCalls}; the function is the old pool's only client): " +
            "the new pool answers these users on its own now.");
    }
}
