using Amazon.CDK;
using Trigger.Infra.Configuration;
using Trigger.Testing;

namespace Trigger.Infra.Tests;

/// <summary>The sync image folder: asked for only when an entry has a sync section, with the commands that prepare it.</summary>
[Slow]
[Collection(SynthesizedAppCollection.Name)]
public sealed class ScheduledSyncImageTests
{
    [Fact]
    public void AddStacks_SyncWithoutDockerfileInTheImageFolder_FailsNamingThePrepareCommands()
    {
        var code = Directory.CreateTempSubdirectory("trigger-infra-code-");
        var image = Directory.CreateTempSubdirectory("trigger-infra-sync-image-");
        try
        {
            File.WriteAllText(Path.Combine(code.FullName, "bootstrap"), "#!/bin/sh\n");
            var settings = MigrationConfigReader.Read(ScheduledSyncApp.Json, "sync.jsonc");

            var error = Assert.Throws<MigrationConfigException>(() => TriggerApp.AddStacks(new App(), settings, code.FullName, syncImageFolder: image.FullName));

            Assert.Equal(
                $"Standby has a sync section but the sync image folder {image.FullName} has no Dockerfile: run `{TriggerApp.SyncImagePrepare}` or set -c syncImage=<folder>",
                error.Message);
            Assert.Contains("dotnet publish src/Trigger.Cli", TriggerApp.SyncImagePrepare, StringComparison.Ordinal);
        }
        finally
        {
            code.Delete(recursive: true);
            image.Delete(recursive: true);
        }
    }
}
