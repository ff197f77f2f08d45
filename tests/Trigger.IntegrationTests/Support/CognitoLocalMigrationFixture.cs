using System.Text.Json.Nodes;
using Trigger.Contract;
using Trigger.Testing;
using Trigger.Testing.Lambda;

namespace Trigger.IntegrationTests.Support;

/// <summary>
/// The real migration on the local emulator: the old pool on one cognito-local (no triggers), the new pool
/// on a second one whose UserMigration trigger reaches the published bootstrap through the Runtime API bridge.
/// </summary>
public sealed class CognitoLocalMigrationFixture : IAsyncLifetime, ISlowFixture
{
    public const string Password = "Old-pool-Pa55!";
    public const string TemporaryPassword = "Temp-Pa55word!";
    public const string WrongPassword = "Not-the-Pa55!";

    private LocalMigrationPools? _pools;

    private LocalMigrationPools Pools => _pools ?? throw new InvalidOperationException("The world has not started.");

    public CognitoAdmin OldPool => Pools.OldPool;

    public CognitoAdmin NewPool => Pools.NewPool;

    public string OldPoolId => Pools.OldPoolId;

    public string NewPoolId => Pools.NewPoolId;

    public AppClientKeys NewClient => Pools.NewClient;

    public LambdaRuntimeBridge Bridge => Pools.Bridge;

    /// <summary>Everything the emulators and the function printed, for the secret scans.</summary>
    public string AllOutput => Pools.AllOutput;

    public async Task InitializeAsync() => _pools = await LocalMigrationPools.StartAsync(
        new LocalMigrationPoolsOptions
        {
            OldPool = new PoolSpec("old-pool") { Schema = [new SchemaAttributeSpec("tenant"), new SchemaAttributeSpec("tier")] },
            NewPool = new PoolSpec("new-pool") { Schema = [new SchemaAttributeSpec("tenant")], AliasAttributes = ["email", "preferred_username"] },
            NewClient = new AppClientSpec("app")
            {
                ExplicitAuthFlows = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
                PreventUserExistenceErrors = "ENABLED",
            },
            FunctionSettings = new Dictionary<string, string> { [TriggerSettingNames.NewCustomAttributes] = "custom:tenant" },
            LogFormat = "JSON",
            AttachPreSignUpGuard = true,
        },
        SeedOldUsersAsync);

    private static async Task SeedOldUsersAsync(CognitoAdmin oldPool, string oldPoolId)
    {
        await oldPool.CreateUserAsync(oldPoolId, new UserSpec("alice", Password)
        {
            Email = "alice@example.com",
            PreferredUsername = "ally",
            Attributes = new Dictionary<string, string> { ["custom:tenant"] = "acme", ["custom:tier"] = "gold", ["given_name"] = "Alice" },
        });
        await oldPool.CreateUserAsync(oldPoolId, new UserSpec("bob", Password) { Email = "bob@example.com" });
        await oldPool.CreateUserAsync(oldPoolId, new UserSpec("carol", Password) { Email = "carol@example.com", PreferredUsername = "caz" });
        await oldPool.CreateUserAsync(oldPoolId, new UserSpec("dave", Password) { Email = "dave@example.com" });
        await oldPool.CreateUserAsync(oldPoolId, new UserSpec("erin", Password) { Email = "erin@example.com", Enabled = false });
        await oldPool.CreateUserAsync(oldPoolId, new UserSpec("frank", TemporaryPassword) { Email = "frank@example.com", Status = SeededUserStatus.ForceChangePassword });
        await oldPool.CreateUserAsync(oldPoolId, new UserSpec("grace", Password) { Email = "grace@example.com", EmailVerified = false });
        await oldPool.CreateUserAsync(oldPoolId, new UserSpec("heidi", Password) { Email = "heidi@example.com" });
        await oldPool.CreateUserAsync(oldPoolId, new UserSpec("ivan", Password) { Email = "ivan@example.com" });
        await oldPool.CreateUserAsync(oldPoolId, new UserSpec("victor", Password) { Email = "victor@example.com" });
    }

    /// <summary>Signs in on the new pool as an app would (USER_PASSWORD_AUTH).</summary>
    public Task<JsonObject> SignInAsync(string userName, string password) => Pools.SignInAsync(userName, password);

    /// <summary>Self-service sign-up on the new pool (fires the PreSignUp guard).</summary>
    public Task<JsonObject> SignUpAsync(string userName, string password, IReadOnlyDictionary<string, string> attributes) =>
        NewPool.SendAsync("SignUp", new JsonObject
        {
            ["ClientId"] = NewClient.ClientId,
            ["Username"] = userName,
            ["Password"] = password,
            ["UserAttributes"] = new JsonArray([.. attributes.Select(a => (JsonNode)new JsonObject { ["Name"] = a.Key, ["Value"] = a.Value })]),
        });

    /// <summary>The new pool's user, or null when the migration did not create one.</summary>
    public Task<UserView?> NewUserOrNullAsync(string username) => Pools.NewUserOrNullAsync(username);

    public async Task DisposeAsync()
    {
        if (_pools is not null)
        {
            await _pools.DisposeAsync();
        }
    }
}
