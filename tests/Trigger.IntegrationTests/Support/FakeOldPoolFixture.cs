using Trigger.Contract;
using Trigger.Testing;
using Trigger.Testing.Lambda;

namespace Trigger.IntegrationTests.Support;

/// <summary>
/// The published bootstrap against the scriptable fake Cognito, for what cognito-local cannot do: throttling,
/// latency, 5xx, forgot-password, SECRET_HASH with a secret from Secrets Manager, challenges, the PreSignUp
/// guard's new-pool look-up. Old and new pool live in the one fake; tests invoke the bridge directly.
/// A derived fixture chooses other pools (<see cref="OldPoolSpec"/>, <see cref="NewPoolSpec"/>).
/// </summary>
public class FakeOldPoolFixture : IAsyncLifetime, ISlowFixture
{
    public const string Password = "Old-pool-Pa55!";

    /// <summary>The sweep key in the fake's Secrets Manager, behind MIGRATION_SWEEP_KEY_SECRET_ARN.</summary>
    public const string SweepKey = "sweep-key-end-to-end-0123456789abcdef";
    public FakeCognito Fake { get; private set; } = null!;

    public CognitoAdmin Admin { get; private set; } = null!;

    public string OldPoolId { get; private set; } = "";

    public string NewPoolId { get; private set; } = "";

    public AppClientKeys OldClient { get; private set; } = null!;

    public LambdaRuntimeBridge Bridge { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Environment { get; private set; } = new Dictionary<string, string>();

    /// <summary>The old pool this fixture creates.</summary>
    protected virtual PoolSpec OldPoolSpec => new("old");

    /// <summary>The new pool this fixture creates.</summary>
    protected virtual PoolSpec NewPoolSpec => new("new");

    public async Task InitializeAsync()
    {
        var publish = FunctionArtifact.GetPublishedAsync();
        Fake = await FakeCognito.StartAsync();
        Admin = new CognitoAdmin(Fake.Endpoint);
        OldPoolId = (await Admin.CreatePoolAsync(OldPoolSpec)).Id;
        NewPoolId = (await Admin.CreatePoolAsync(NewPoolSpec)).Id;
        OldClient = await Admin.CreateAppClientAsync(OldPoolId, new AppClientSpec("trigger") { GenerateSecret = true });
        var secretArn = Fake.SeedSecret("old-client-secret", OldClient.ClientSecret!);
        var sweepKeyArn = Fake.SeedSecret("sweep-key", SweepKey);
        Environment = new Dictionary<string, string>
        {
            [TriggerSettingNames.OldUserPoolId] = OldPoolId,
            [TriggerSettingNames.OldClientId] = OldClient.ClientId,
            [TriggerSettingNames.OldClientSecretArn] = secretArn,
            [TriggerSettingNames.SweepKeySecretArn] = sweepKeyArn,
            [TriggerSettingNames.OldEndpointUrl] = Fake.Endpoint.ToString(),
            ["AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"] = Fake.Endpoint.ToString(),
            ["AWS_ENDPOINT_URL_SECRETS_MANAGER"] = Fake.Endpoint.ToString(),
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "local",
            ["AWS_SECRET_ACCESS_KEY"] = "local",
        };
        Bridge = await LambdaRuntimeBridge.StartAsync(new LambdaRuntimeBridgeOptions
        {
            Runtime = await publish,
            LogFormat = "JSON",
            Environment = Environment,
        });
    }

    /// <summary>Adds an old user with a verified email unless told otherwise.</summary>
    public Task<UserView> AddOldUserAsync(string username, bool emailVerified = true, SeededUserStatus status = SeededUserStatus.Confirmed) =>
        Admin.CreateUserAsync(OldPoolId, new UserSpec(username, Password)
        {
            Email = $"{username}@example.com",
            EmailVerified = emailVerified,
            Status = status,
        });

    public void Reset()
    {
        Fake.Faults.Clear();
        Fake.ClearCalls();
    }

    public async Task DisposeAsync()
    {
        if (Bridge is not null)
        {
            await Bridge.DisposeAsync();
        }

        Admin?.Dispose();
        if (Fake is not null)
        {
            await Fake.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FakeOldPoolCollection : ICollectionFixture<FakeOldPoolFixture>
{
    public const string Name = "migration against the fake old pool";
}
