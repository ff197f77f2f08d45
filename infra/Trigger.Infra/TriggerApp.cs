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

    /// <summary>Where <c>dotnet publish src/Trigger.Function -c Release -r linux-arm64 -o artifacts/function-arm64</c> leaves the arm64 function.</summary>
    internal const string DefaultArm64CodeFolder = "artifacts/function-arm64";

    /// <summary>Where the sync image is prepared: the published ops tool plus infra/sync-image/Dockerfile (docs/INFRA.md, "Scheduled sync").</summary>
    internal const string DefaultSyncImageFolder = "artifacts/sync-image";

    /// <summary>The commands that prepare <see cref="DefaultSyncImageFolder"/>.</summary>
    internal const string SyncImagePrepare =
        "dotnet publish src/Trigger.Cli -c Release -r linux-x64 --self-contained false -o artifacts/sync-image && cp infra/sync-image/Dockerfile artifacts/sync-image/";

    /// <summary>One stack per migration, plus one per role in an old pool's account.</summary>
    /// <param name="app">The CDK app.</param>
    /// <param name="settings">The migrations.</param>
    /// <param name="codeFolder">The published function for x86_64 migrations.</param>
    /// <param name="arm64CodeFolder">The published function for arm64 migrations; null: <paramref name="codeFolder"/> serves both.</param>
    /// <param name="syncImageFolder">The sync image's build folder (a Dockerfile and the published ops tool); needed only by migrations with a <c>sync</c> section.</param>
    public static IReadOnlyList<Stack> AddStacks(App app, TriggerAppSettings settings, string codeFolder, string? arm64CodeFolder = null, string? syncImageFolder = null)
    {
        if (settings.Migrations.FirstOrDefault(m => m.Sync is not null) is { } synced)
        {
            syncImageFolder ??= DefaultSyncImageFolder;
            if (!File.Exists(Path.Combine(syncImageFolder, "Dockerfile")))
            {
                throw new MigrationConfigException(
                    $"{synced.Name} has a sync section but the sync image folder {syncImageFolder} has no Dockerfile: run `{SyncImagePrepare}` or set -c syncImage=<folder>");
            }
        }

        string FolderOf(MigrationSettings migration) =>
            migration.Architecture == FunctionArchitecture.Arm64 ? arm64CodeFolder ?? codeFolder : codeFolder;

        for (var i = 0; i < settings.Migrations.Count; i++)
        {
            var migration = settings.Migrations[i];
            var folder = FolderOf(migration);
            var arm64 = migration.Architecture == FunctionArchitecture.Arm64;
            var publish = $"dotnet publish src/Trigger.Function -c Release {(arm64 ? "-r linux-arm64 " : "")}-o {(arm64 ? DefaultArm64CodeFolder : DefaultCodeFolder)}";
            if (!File.Exists(Path.Combine(folder, "bootstrap")))
            {
                throw new MigrationConfigException(
                    $"the function folder {folder} has no bootstrap: run `{publish}` (cdk.json does) or set -c {(arm64 ? "functionCodeArm64" : "functionCode")}=<folder>");
            }

            if (BootstrapArchitecture.Read(Path.Combine(folder, "bootstrap")) is { } built && built != migration.Architecture)
            {
                throw new MigrationConfigException(
                    $"migrations[{i}].architecture is {Name(migration.Architecture)} but {folder}/bootstrap is built for {Name(built)}: "
                    + $"publish with `{publish}` or change the architecture");
            }
        }

        var stacks = new List<Stack>();
        var migrationStacks = settings.Migrations.Select(m => new MigrationStack(app, m, FolderOf(m), syncImageFolder)).ToList();
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
