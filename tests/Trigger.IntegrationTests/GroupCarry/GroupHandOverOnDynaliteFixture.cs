using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Trigger.Aws.DynamoDb;
using Trigger.Contract;
using Trigger.Testing;
using Trigger.Testing.Lambda;

namespace Trigger.IntegrationTests.GroupCarry;

/// <summary>
/// Two execution environments sharing the groups hand-over table: two bridges, each running its own published
/// bootstrap process with the same settings, against the fake Cognito (old and new pool, with groups) and a
/// dynalite holding the table. A sign-in's UserMigration goes to <see cref="First"/>, its PostAuthentication and
/// Pre token generation to <see cref="Second"/>, as Lambda may do under concurrency.
/// </summary>
public sealed class GroupHandOverOnDynaliteFixture : IAsyncLifetime, ISlowFixture
{
    public const string Password = "Old-pool-Pa55!";
    public const string Table = "migration-group-handover";

    public DynaliteServer Dynalite { get; private set; } = null!;

    public FakeCognito Fake { get; private set; } = null!;

    public CognitoAdmin Admin { get; private set; } = null!;

    public string OldPoolId { get; private set; } = "";

    public string NewPoolId { get; private set; } = "";

    public LambdaRuntimeBridge First { get; private set; } = null!;

    public LambdaRuntimeBridge Second { get; private set; } = null!;

    public IAmazonDynamoDB Dynamo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var publish = FunctionArtifact.GetPublishedAsync();
        Dynalite = await DynaliteServer.StartAsync();
        Fake = await FakeCognito.StartAsync();
        Admin = new CognitoAdmin(Fake.Endpoint);
        OldPoolId = (await Admin.CreatePoolAsync(new PoolSpec("old"))).Id;
        NewPoolId = (await Admin.CreatePoolAsync(new PoolSpec("new") { UsernameCaseSensitive = true })).Id;
        var client = await Admin.CreateAppClientAsync(OldPoolId, new AppClientSpec("trigger"));
        foreach (var group in new[] { "admins", "editors", "staff" })
        {
            await Admin.CreateGroupAsync(OldPoolId, group);
            await Admin.CreateGroupAsync(NewPoolId, group);
        }

        foreach (var (user, groups) in new (string, string[])[] { ("amelia", ["admins", "editors"]), ("Admin", ["admins"]), ("boris", ["staff"]) })
        {
            await Admin.CreateUserAsync(OldPoolId, new UserSpec(user, Password));
            foreach (var group in groups)
            {
                await Admin.AddUserToGroupAsync(OldPoolId, user, group);
            }
        }

        Dynamo = new AmazonDynamoDBClient(
            new BasicAWSCredentials("local", "local"),
            new AmazonDynamoDBConfig { ServiceURL = Dynalite.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        await Dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = Table,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement(DynamoDbGroupHandOver.KeyAttribute, KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition(DynamoDbGroupHandOver.KeyAttribute, ScalarAttributeType.S)],
        });

        var settings = new Dictionary<string, string>
        {
            [TriggerSettingNames.OldUserPoolId] = OldPoolId,
            [TriggerSettingNames.OldClientId] = client.ClientId,
            [TriggerSettingNames.OldEndpointUrl] = Fake.Endpoint.ToString(),
            [TriggerSettingNames.GroupHandOverTable] = Table,
            ["AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"] = Fake.Endpoint.ToString(),
            ["AWS_ENDPOINT_URL_DYNAMODB"] = Dynalite.Endpoint.ToString(),
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "local",
            ["AWS_SECRET_ACCESS_KEY"] = "local",
        };
        var runtime = await publish;
        First = await LambdaRuntimeBridge.StartAsync(new LambdaRuntimeBridgeOptions { Runtime = runtime, LogFormat = "JSON", Environment = settings });
        Second = await LambdaRuntimeBridge.StartAsync(new LambdaRuntimeBridgeOptions { Runtime = runtime, LogFormat = "JSON", Environment = settings });
    }

    /// <summary>What Cognito does between UserMigration and the later triggers: creates the user in the new pool.</summary>
    public Task CreateNewUserAsync(string userName) => Admin.CreateUserAsync(NewPoolId, new UserSpec(userName, Password));

    public async Task DisposeAsync()
    {
        // The bridges first (they hold the bootstraps), then the servers they talked to.
        foreach (var disposable in new IAsyncDisposable?[] { First, Second, Fake, Dynalite })
        {
            if (disposable is not null)
            {
                await disposable.DisposeAsync();
            }
        }

        Dynamo?.Dispose();
        Admin?.Dispose();
    }
}
