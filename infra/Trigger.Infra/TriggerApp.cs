using Amazon.CDK;
using Trigger.Infra.Configuration;
using Trigger.Infra.Stacks;

namespace Trigger.Infra;

/// <summary>Adds the stacks of the configured migrations to a CDK app.</summary>
internal static class TriggerApp
{
    /// <summary>Where <c>dotnet publish src/Trigger.Function -c Release -o artifacts/function</c> leaves the function.</summary>
    internal const string DefaultCodeFolder = "artifacts/function";

    /// <summary>The checked-in, documented configuration.</summary>
    internal const string DefaultConfigFile = "infra/migrations.jsonc";

    /// <summary>One stack per migration, plus one per role in an old pool's account.</summary>
    public static IReadOnlyList<Stack> AddStacks(App app, TriggerAppSettings settings, string codeFolder)
    {
        if (!File.Exists(Path.Combine(codeFolder, "bootstrap")))
        {
            throw new MigrationConfigException(
                $"the function folder {codeFolder} has no bootstrap: run `dotnet publish src/Trigger.Function -c Release -o {DefaultCodeFolder}` (cdk.json does) or set -c functionCode=<folder>");
        }

        if (BootstrapArchitecture.Read(Path.Combine(codeFolder, "bootstrap")) is { } built)
        {
            for (var i = 0; i < settings.Migrations.Count; i++)
            {
                if (settings.Migrations[i].Architecture != built)
                {
                    throw new MigrationConfigException(
                        $"migrations[{i}].architecture is {Name(settings.Migrations[i].Architecture)} but {codeFolder}/bootstrap is built for {Name(built)}: "
                        + $"publish with -r {(settings.Migrations[i].Architecture == FunctionArchitecture.Arm64 ? "linux-arm64" : "linux-x64")} or change the architecture");
                }
            }
        }

        var stacks = new List<Stack>();
        var migrationStacks = settings.Migrations.Select(m => new MigrationStack(app, m, codeFolder)).ToList();
        stacks.AddRange(migrationStacks);

        foreach (var group in migrationStacks
            .Where(s => s.Migration.OldPool.CrossAccountRole is not null)
            .GroupBy(s => s.Migration.OldPool.CrossAccountRole!.RoleArn, StringComparer.Ordinal))
        {
            var users = group.ToList();
            var access = new OldPoolAccessStack(app, users[0].Migration.OldPool.CrossAccountRole!, [.. users.Select(s => s.Migration)]);
            // The trust policy names the function roles, which IAM requires to exist: deploy them first.
            foreach (var user in users)
            {
                access.AddDependency(user);
            }

            stacks.Add(access);
        }

        return stacks;
    }

    private static string Name(FunctionArchitecture architecture) => architecture == FunctionArchitecture.Arm64 ? "arm64" : "x86_64";
}
