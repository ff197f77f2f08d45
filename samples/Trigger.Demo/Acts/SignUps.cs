using Trigger.Demo.App;
using Trigger.Demo.Report;

namespace Trigger.Demo.Acts;

/// <summary>
/// Act 4: sign-ups during the window. SignUp does not fire the migration trigger, so without the PreSignUp guard
/// a stranger could take the email or username of an old user who has not migrated yet.
/// </summary>
internal static class SignUps
{
    public static async Task RunAsync(DemoContext c)
    {
        if (c.Seeds.Traffic.SignUps.Count == 0)
        {
            return;
        }

        c.Out.Section("4. Sign-ups during the window (SignUp on the new pool; the PreSignUp guard decides)");
        var table = new TextTable("", "signs up as", "with email", "the function decided", "the app saw");
        var abouts = new List<string>();
        foreach (var signUp in c.Seeds.Traffic.SignUps)
        {
            var answer = await c.App.SignUpAsync(signUp.Username, DemoPasswords.SignUp, signUp.Email, c.CancellationToken);
            var lines = await c.Log.TakeNewAsync(c.CancellationToken);
            var line = lines.LastOrDefault();
            var newUser = await c.World.NewUserOrNullAsync(signUp.Username, c.CancellationToken);
            var expect = signUp.Expect;
            var subject = $"sign-up '{signUp.Username}' <{signUp.Email}>";

            var ok = c.Checks.Expect(lines.Count == 1, subject, "one function invocation", $"{lines.Count}");
            ok &= c.Checks.Expect(
                line?.Outcome == expect.Function && (expect.Reason is null || line.Reason == expect.Reason),
                subject, $"the function to log {expect.Function}{(expect.Reason is null ? "" : $": {expect.Reason}")}", line?.Describe() ?? "no log line");
            ok &= c.Checks.Expect(answer.Outcome == expect.App, subject, $"the app to see {expect.App}", answer.Describe());
            ok &= expect.Function == "allowed"
                ? c.Checks.Expect(newUser?.UserStatus == "UNCONFIRMED", subject, "an UNCONFIRMED user in the new pool", newUser?.UserStatus ?? "no user")
                : c.Checks.Expect(newUser is null, subject, "no user created", $"user '{newUser?.Username}' ({newUser?.UserStatus})");

            table.Add(Checks.Mark(ok), signUp.Username, signUp.Email, line?.Describe() ?? "not invoked", answer.Describe());
            if (signUp.About is not null)
            {
                abouts.Add($"{signUp.Username}: {signUp.About}.");
            }
        }

        table.Print(c.Out);
        foreach (var about in abouts)
        {
            c.Out.Note(about, indent: "      ", firstIndent: "    ");
        }

        c.Out.Note("Real Cognito words a refusal \"PreSignUp failed with error This sign-up cannot be completed.\" (cognito-local names the " +
                   "function instead of the trigger). The words are the same whatever the name hit, so a refusal does not tell the " +
                   "stranger whose email or username it was.");
    }
}
