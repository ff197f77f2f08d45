using Trigger.Testing;

namespace Trigger.Infra.Tests;

/// <summary>
/// Two DR migrations with a scheduled sync, synthesised once in-process for the sync's template tests: a created
/// standby with every optional setting (legacy sub, renames, sweep key, alarm topic), and an existing standby with
/// only a cron schedule. An app of its own, so the shared test app's stacks and checks stay as they are; a class
/// fixture of tests in the shared app's collection, since the jsii runtime must not start twice at once.
/// </summary>
public sealed class ScheduledSyncApp : IDisposable, ISlowFixture
{
    public const string SweepKeyArn = "arn:aws:secretsmanager:eu-central-1:111111111111:secret:customers/sweep-key-XyZ789";
    public const string TopicArn = "arn:aws:sns:eu-central-1:111111111111:sync-alarms";
    public const string PrimaryArn = "arn:aws:cognito-idp:eu-west-1:111111111111:userpool/eu-west-1_OldPool01";

    public const string Json = """
        {
          "migrations": [
            {
              "name": "Standby",
              "account": "111111111111",
              "region": "eu-central-1",
              "oldPool": { "userPoolId": "eu-west-1_OldPool01", "clientId": "oldclient01" },
              "newPool": { "create": { "signInAliases": ["email"], "customAttributes": { "legacy_sub": { "type": "String", "mutable": false }, "tenant": { "type": "String" } } } },
              "functionSettings": {
                "legacySubAttribute": "custom:legacy_sub",
                "attributeRenames": { "custom:org": "custom:tenant" },
                "sweepKeySecretArn": "arn:aws:secretsmanager:eu-central-1:111111111111:secret:customers/sweep-key-XyZ789"
              },
              "alarmTopicArn": "arn:aws:sns:eu-central-1:111111111111:sync-alarms",
              "sync": { "schedule": "rate(6 hours)", "listRate": 7, "standbyListRate": 9, "readRate": 11, "createRate": 3, "updateRate": 4 }
            },
            {
              "name": "ExistingStandby",
              "account": "111111111111",
              "region": "us-west-2",
              "oldPool": { "userPoolId": "us-east-1_OldPool02", "clientId": "oldclient02" },
              "newPool": { "existing": { "userPoolId": "us-west-2_Standby03" } },
              "sync": { "schedule": "cron(30 2 * * ? *)", "staleAfterHours": 30 }
            }
          ]
        }
        """;

    private readonly DirectoryInfo _imageFolder;

    public ScheduledSyncApp()
    {
        _imageFolder = Directory.CreateTempSubdirectory("trigger-infra-sync-image-");
        File.Copy(Path.Combine(RepositoryRoot.Path, "infra/sync-image/Dockerfile"), Path.Combine(_imageFolder.FullName, "Dockerfile"));
        Synthesized = new SynthesizedApp(Json, "sync.jsonc", _imageFolder.FullName);
    }

    /// <summary>The synthesised app: its stacks, templates and logical ids.</summary>
    internal SynthesizedApp Synthesized { get; }

    public void Dispose()
    {
        Synthesized.Dispose();
        _imageFolder.Delete(recursive: true);
    }
}
