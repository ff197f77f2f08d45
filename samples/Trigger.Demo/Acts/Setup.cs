using System.Globalization;
using System.Text.Json.Nodes;
using Trigger.Contract;
using Trigger.Demo.App;
using Trigger.Demo.Function;
using Trigger.Demo.Report;
using Trigger.Demo.World;
using Trigger.Testing;
using Trigger.Testing.Lambda;

namespace Trigger.Demo.Acts;

/// <summary>Starts the local world step by step, saying what each step is and how long it took.</summary>
internal static class Setup
{
    private const string Indent = "                   ";

    public static async Task RunAsync(DemoContext c)
    {
        var ct = c.CancellationToken;
        c.Out.Section("Setting up (everything listens on 127.0.0.1 only)");

        // The publish is the slow part on a fresh clone: it runs while the old pool starts.
        var publishing = TimedAsync(() => FunctionArtifact.GetPublishedAsync(ct));

        var root = NodeTools.FindRepositoryRoot();
        var wasInstalled = Directory.Exists(Path.Combine(root, "node_modules", "cognito-local"));
        c.Out.Start("  · node tools     ");
        var (_, nodeTime) = await TimedAsync(() => NodeTools.EnsureNodeModulesAsync(ct));
        c.Out.Line($"cognito-local {CognitoLocalVersion(root)} ({(wasInstalled ? "node_modules already installed" : "installed with npm ci")}){Took(nodeTime)}");

        c.Out.Start("  · old pool       ");
        var (oldUsers, oldTime) = await TimedAsync(() => c.World.StartOldPoolAsync(c.Seeds.OldPool, ct));
        foreach (var user in oldUsers)
        {
            c.OldUsers[user.Username] = user;
        }

        c.Out.Line($"{c.World.OldPoolId} on cognito-local #1 at {c.World.OldServer.Endpoint}, no triggers{Took(oldTime)}");
        c.Out.Line($"{Indent}{oldUsers.Count} users from {c.Seeds.OldPoolPath}; app client for the trigger (ADMIN_USER_PASSWORD_AUTH)");

        c.Out.Start("  · function       ");
        var (function, publishTime) = await publishing;
        c.Out.Line($"{Relative(root, function.FileName)}: the real published trigger (ready after{Took(publishTime, bare: true)}; the publish is skipped while src/ is unchanged)");

        await c.World.StartFunctionAsync(function, ct);
        c.Log = new FunctionLog(c.World.Bridge);
        c.Out.Line($"  · Lambda bridge  {c.World.Bridge.Endpoint} serves it as function '{c.World.Bridge.FunctionName}' (Invoke API for Cognito, Runtime API for bootstrap)");

        c.Out.Start("  · new pool       ");
        var (_, newTime) = await TimedAsync(async () =>
        {
            await c.World.StartNewPoolAsync(ct);
            return true;
        });
        c.App = new UserApp(c.World.NewPool, c.World.NewClient.ClientId);
        c.Out.Line($"{c.World.NewPoolId} on cognito-local #2 at {c.World.NewServer.Endpoint}; UserMigration and PreSignUp invoke the bridge{Took(newTime)}");
        c.Out.Line($"{Indent}app client '{NewPoolDesign.AppClientName}': USER_PASSWORD_AUTH (the trigger needs the password), SRP, refresh; PreventUserExistenceErrors ENABLED");

        PrintFunctionEnvironment(c);
        PrintOldPool(c, oldUsers);
        PrintNewPool(c);
    }

    private static void PrintFunctionEnvironment(DemoContext c)
    {
        c.Out.Section("The function's configuration (the variables the CDK stack sets in AWS)");
        var table = new TextTable("variable", "value");
        foreach (var (name, value) in c.World.FunctionEnvironment)
        {
            table.Add(name, name switch
            {
                "AWS_ACCESS_KEY_ID" or "AWS_SECRET_ACCESS_KEY" => "(hidden; dummy values, the emulators check no signature)",
                TriggerSettingNames.OldEndpointUrl => $"{value}  (cognito-local #1; not set in AWS)",
                "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER" => $"{value}  (cognito-local #2, for the PreSignUp guard's new-pool look-up; not set in AWS)",
                _ => value,
            });
        }

        table.Print(c.Out);
    }

    private static void PrintOldPool(DemoContext c, IReadOnlyList<UserView> users)
    {
        c.Out.Section($"The old pool, as cognito-local #1 reports it (AdminGetUser); users from {c.Seeds.OldPoolPath}");
        var table = new TextTable("username", "status", "enabled", "email", "verified", "preferred_username", "custom attributes", "about");
        foreach (var user in users)
        {
            var custom = string.Join(", ", user.Attributes.Where(a => a.Key.StartsWith("custom:", StringComparison.Ordinal)).Select(a => $"{a.Key["custom:".Length..]}={a.Value}"));
            table.Add(
                user.Username,
                user.UserStatus,
                user.Enabled ? "yes" : "no",
                user["email"] ?? "-",
                user["email"] is null ? "-" : user["email_verified"] == "true" ? "yes" : "no",
                user["preferred_username"] ?? "-",
                custom.Length == 0 ? "-" : custom,
                c.Seeds.FindUser(user.Username)?.About ?? "");
        }

        table.Print(c.Out);
    }

    private static void PrintNewPool(DemoContext c)
    {
        var kept = string.Join(", ", NewPoolDesign.CustomAttributes);
        var left = string.Join(", ", c.Seeds.OldPool.CustomAttributes.Except(NewPoolDesign.CustomAttributes, StringComparer.Ordinal));
        c.Out.Section("The new pool");
        c.Out.Note(
            $"Empty. Custom attributes: {kept}{(left.Length == 0 ? "" : $" (not {left}: custom attributes can never be removed from a pool, one reason to migrate)")}. " +
            $"Alias attributes: {string.Join(", ", NewPoolDesign.AliasAttributes)} (the old pool's: {string.Join(", ", c.Seeds.OldPool.AliasAttributes)}), as in AWS; cognito-local stores them but ignores them at sign-in. " +
            "The function looks a typed name up by the new pool's aliases, so a user may now sign in with a name the old pool never accepted.",
            indent: "  ");
    }

    private static async Task<(T Result, TimeSpan Elapsed)> TimedAsync<T>(Func<Task<T>> step)
    {
        var started = TimeProvider.System.GetTimestamp();
        var result = await step();
        return (result, TimeProvider.System.GetElapsedTime(started));
    }

    private static string Took(TimeSpan elapsed, bool bare = false)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.0} s");
        return bare ? " " + text : Paint.Dim($"  ({text})");
    }

    private static string CognitoLocalVersion(string root)
    {
        var manifest = Path.Combine(root, "node_modules", "cognito-local", "package.json");
        return File.Exists(manifest) ? JsonNode.Parse(File.ReadAllText(manifest))?["version"]?.GetValue<string>() ?? "?" : "?";
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
