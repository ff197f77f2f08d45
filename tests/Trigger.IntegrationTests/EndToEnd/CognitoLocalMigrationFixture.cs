using System.Text.Json.Nodes;
using Trigger.Testing;
using Trigger.Testing.Lambda;

namespace Trigger.IntegrationTests.EndToEnd;

/// <summary>
/// The real migration on the local emulator: the old pool on one cognito-local (no triggers), the new pool
/// on a second one whose UserMigration trigger reaches the published bootstrap through the Runtime API bridge.
/// </summary>
public sealed class CognitoLocalMigrationFixture : IAsyncLifetime
{
    public const string Password = "Old-pool-Pa55!";
    public const string TemporaryPassword = "Temp-Pa55word!";
    public const string WrongPassword = "Not-the-Pa55!";

    private CognitoLocalServer? _oldServer;
    private CognitoLocalServer? _newServer;

    public CognitoAdmin OldPool { get; private set; } = null!;

    public CognitoAdmin NewPool { get; private set; } = null!;

    public string OldPoolId { get; private set; } = "";

    public string NewPoolId { get; private set; } = "";

    public AppClientKeys NewClient { get; private set; } = null!;

    public LambdaRuntimeBridge Bridge { get; private set; } = null!;

    /// <summary>Everything the emulators and the function printed, for the secret scans.</summary>
    public string AllOutput => string.Concat(_oldServer?.Output, _newServer?.Output, Bridge?.Output);

    public async Task InitializeAsync()
    {
        var publish = FunctionArtifact.GetPublishedAsync();
        _oldServer = await CognitoLocalServer.StartAsync();
        OldPool = new CognitoAdmin(_oldServer.Endpoint);
        OldPoolId = (await OldPool.CreatePoolAsync(new PoolSpec("old-pool")
        {
            Schema = [new SchemaAttributeSpec("tenant"), new SchemaAttributeSpec("tier")],
        })).Id;
        var oldClient = await OldPool.CreateAppClientAsync(OldPoolId, new AppClientSpec("migration") { ExplicitAuthFlows = ["ALLOW_ADMIN_USER_PASSWORD_AUTH"] });
        await SeedOldUsersAsync();

        Bridge = await LambdaRuntimeBridge.StartAsync(new LambdaRuntimeBridgeOptions
        {
            Runtime = await publish,
            CognitoLocalShims = true,
            LogFormat = "JSON",
            Environment = new Dictionary<string, string>
            {
                ["MIGRATION_OLD_USER_POOL_ID"] = OldPoolId,
                ["MIGRATION_OLD_CLIENT_ID"] = oldClient.ClientId,
                ["MIGRATION_OLD_ENDPOINT_URL"] = _oldServer.Endpoint.ToString(),
                ["MIGRATION_OLD_REGION"] = "us-east-1", // cognito-local names its pools local_*: not a signing region
                ["MIGRATION_NEW_CUSTOM_ATTRIBUTES"] = "custom:tenant",
                ["AWS_REGION"] = "us-east-1",
                ["AWS_ACCESS_KEY_ID"] = "local",
                ["AWS_SECRET_ACCESS_KEY"] = "local",
            },
        });

        _newServer = await CognitoLocalServer.StartAsync(new CognitoLocalOptions
        {
            LambdaEndpoint = Bridge.Endpoint,
            UserMigrationFunction = Bridge.FunctionName,
        });
        NewPool = new CognitoAdmin(_newServer.Endpoint);
        NewPoolId = (await NewPool.CreatePoolAsync(new PoolSpec("new-pool")
        {
            Schema = [new SchemaAttributeSpec("tenant")],
            AliasAttributes = ["email", "preferred_username"],
        })).Id;
        NewClient = await NewPool.CreateAppClientAsync(NewPoolId, new AppClientSpec("app")
        {
            ExplicitAuthFlows = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
            PreventUserExistenceErrors = "ENABLED",
        });
    }

    private async Task SeedOldUsersAsync()
    {
        await OldPool.CreateUserAsync(OldPoolId, new UserSpec("alice", Password)
        {
            Email = "alice@example.com",
            PreferredUsername = "ally",
            Attributes = new Dictionary<string, string> { ["custom:tenant"] = "acme", ["custom:tier"] = "gold", ["given_name"] = "Alice" },
        });
        await OldPool.CreateUserAsync(OldPoolId, new UserSpec("bob", Password) { Email = "bob@example.com" });
        await OldPool.CreateUserAsync(OldPoolId, new UserSpec("carol", Password) { Email = "carol@example.com", PreferredUsername = "caz" });
        await OldPool.CreateUserAsync(OldPoolId, new UserSpec("dave", Password) { Email = "dave@example.com" });
        await OldPool.CreateUserAsync(OldPoolId, new UserSpec("erin", Password) { Email = "erin@example.com", Enabled = false });
        await OldPool.CreateUserAsync(OldPoolId, new UserSpec("frank", TemporaryPassword) { Email = "frank@example.com", Status = SeededUserStatus.ForceChangePassword });
        await OldPool.CreateUserAsync(OldPoolId, new UserSpec("grace", Password) { Email = "grace@example.com", EmailVerified = false });
        await OldPool.CreateUserAsync(OldPoolId, new UserSpec("heidi", Password) { Email = "heidi@example.com" });
        await OldPool.CreateUserAsync(OldPoolId, new UserSpec("ivan", Password) { Email = "ivan@example.com" });
    }

    /// <summary>Signs in on the new pool as an app would (USER_PASSWORD_AUTH).</summary>
    public Task<JsonObject> SignInAsync(string userName, string password) => NewPool.SendAsync("InitiateAuth", new JsonObject
    {
        ["AuthFlow"] = "USER_PASSWORD_AUTH",
        ["ClientId"] = NewClient.ClientId,
        ["AuthParameters"] = new JsonObject { ["USERNAME"] = userName, ["PASSWORD"] = password },
    });

    /// <summary>The new pool's user, or null when the migration did not create one.</summary>
    public async Task<UserView?> NewUserOrNullAsync(string username)
    {
        try
        {
            return await NewPool.GetUserAsync(NewPoolId, username);
        }
        catch (CognitoApiException e) when (e.ErrorType == "UserNotFoundException")
        {
            return null;
        }
    }

    public async Task DisposeAsync()
    {
        if (_newServer is not null)
        {
            await _newServer.DisposeAsync();
        }

        if (Bridge is not null)
        {
            await Bridge.DisposeAsync();
        }

        if (_oldServer is not null)
        {
            await _oldServer.DisposeAsync();
        }

        OldPool?.Dispose();
        NewPool?.Dispose();
    }
}
