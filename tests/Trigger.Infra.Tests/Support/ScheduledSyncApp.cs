using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Trigger.Infra.Configuration;
using Trigger.Infra.Stacks;
using Trigger.Testing;

namespace Trigger.Infra.Tests;

/// <summary>
/// Two DR migrations with a scheduled sync, synthesised once in-process for the sync's template tests: a created
/// standby with every optional setting (legacy sub, renames, sweep key, alarm topic), and an existing standby with
/// only a cron schedule. An app of its own, so the shared test app's stacks and checks stay as they are.
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

    private readonly DirectoryInfo _codeFolder;
    private readonly DirectoryInfo _imageFolder;
    private readonly DirectoryInfo _outFolder;
    private readonly Dictionary<string, Template> _templates = new(StringComparer.Ordinal);

    public ScheduledSyncApp()
    {
        _codeFolder = Directory.CreateTempSubdirectory("trigger-infra-code-");
        File.WriteAllText(Path.Combine(_codeFolder.FullName, "bootstrap"), "#!/bin/sh\n");
        _imageFolder = Directory.CreateTempSubdirectory("trigger-infra-sync-image-");
        File.Copy(Path.Combine(RepositoryRoot.Path, "infra/sync-image/Dockerfile"), Path.Combine(_imageFolder.FullName, "Dockerfile"));
        _outFolder = Directory.CreateTempSubdirectory("trigger-infra-out-");

        var app = new App(new AppProps { Outdir = _outFolder.FullName });
        Stacks = TriggerApp.AddStacks(app, MigrationConfigReader.Read(Json, "sync.jsonc"), _codeFolder.FullName, syncImageFolder: _imageFolder.FullName);
        Assembly = app.Synth();
    }

    internal IReadOnlyList<Stack> Stacks { get; }

    internal Amazon.CDK.CXAPI.CloudAssembly Assembly { get; }

    internal MigrationStack Migration(string name) => Stacks.OfType<MigrationStack>().Single(s => s.Migration.Name == name);

    internal Template Template(Stack stack)
    {
        lock (_templates)
        {
            if (!_templates.TryGetValue(stack.StackName, out var template))
            {
                template = Amazon.CDK.Assertions.Template.FromStack(stack);
                _templates[stack.StackName] = template;
            }

            return template;
        }
    }

    internal JsonObject TemplateJson(Stack stack) =>
        JsonNode.Parse(File.ReadAllText(Assembly.GetStackArtifact(stack.ArtifactId).TemplateFullPath))!.AsObject();

    internal string LogicalId(Stack stack, Constructs.IConstruct construct) =>
        stack.GetLogicalId((CfnElement)construct.Node.DefaultChild!);

    public void Dispose()
    {
        _codeFolder.Delete(recursive: true);
        _imageFolder.Delete(recursive: true);
        _outFolder.Delete(recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class ScheduledSyncAppCollection : ICollectionFixture<ScheduledSyncApp>
{
    public const string Name = "Scheduled sync app";
}
