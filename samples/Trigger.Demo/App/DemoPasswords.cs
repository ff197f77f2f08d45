using Trigger.Demo.Seeds;

namespace Trigger.Demo.App;

/// <summary>
/// The passwords the apps type. The demo prints "(hidden)" wherever one would appear, and at the end scans
/// everything it and the emulators and the function printed for each of them.
/// </summary>
internal static class DemoPasswords
{
    private const string Wrong = "Not-My-Password-42!";
    private const string MadeUp = "Made-Up-Password-7!";

    /// <summary>The password every sign-up uses.</summary>
    public const string SignUp = "Fresh-Sign-Up-Pa55!";

    public static string For(SignInAttempt attempt, OldUserSeed? user) => attempt.Password switch
    {
        "right" => user?.Password ?? throw new InvalidOperationException($"Sign-in '{attempt.Typed}' has no user to take the right password from."),
        "wrong" => Wrong,
        _ => MadeUp,
    };

    /// <summary>How the password column describes it: never the password itself.</summary>
    public static string Describe(SignInAttempt attempt, OldUserSeed? user) => attempt.Password switch
    {
        "right" when user?.Status == "FORCE_CHANGE_PASSWORD" => "(hidden) temporary",
        "right" => "(hidden) right",
        "wrong" => "(hidden) wrong",
        _ => "(hidden) made up",
    };

    public static IEnumerable<string> All(DemoSeeds seeds) =>
        seeds.OldPool.Users.Select(u => u.Password).Append(Wrong).Append(MadeUp).Append(SignUp);
}
