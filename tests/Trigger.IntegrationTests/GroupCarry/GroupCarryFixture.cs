using System.Text.Json.Nodes;
using Trigger.Testing;
using Trigger.Testing.Lambda;

namespace Trigger.IntegrationTests.GroupCarry;

/// <summary>
/// The migration with groups on the local emulator: the function serves the new pool's UserMigration,
/// PostAuthentication and PreTokenGeneration triggers, as the stack and <c>enable</c> wire them. Old users belong to groups; the new pool has all of them but <c>auditors</c>.
/// </summary>
public sealed class GroupCarryFixture : IAsyncLifetime, ISlowFixture
{
    public const string Password = "Old-pool-Pa55!";

    private LocalMigrationPools? _pools;

    private LocalMigrationPools Pools => _pools ?? throw new InvalidOperationException("The world has not started.");

    public CognitoAdmin OldPool => Pools.OldPool;

    public CognitoAdmin NewPool => Pools.NewPool;

    public string NewPoolId => Pools.NewPoolId;

    public LambdaRuntimeBridge Bridge => Pools.Bridge;

    public async Task InitializeAsync()
    {
        _pools = await LocalMigrationPools.StartAsync(
            new LocalMigrationPoolsOptions
            {
                NewPool = new PoolSpec("new-pool") { AliasAttributes = ["email"] },
                LogFormat = "JSON",
                AttachPostAuthentication = true,
                AttachPreTokenGeneration = true,
            },
            SeedOldUsersAsync);
        foreach (var group in new[] { "admins", "editors", "staff" })
        {
            await NewPool.CreateGroupAsync(NewPoolId, group);
        }
    }

    private static async Task SeedOldUsersAsync(CognitoAdmin oldPool, string oldPoolId)
    {
        foreach (var group in new[] { "admins", "editors", "staff", "auditors" })
        {
            await oldPool.CreateGroupAsync(oldPoolId, group);
        }

        foreach (var (user, groups) in new (string, string[])[]
        {
            ("amelia", ["admins", "editors"]),
            ("boris", ["staff"]),
            ("cleo", ["auditors", "staff"]),
            ("dmitri", ["admins", "staff"]),
            ("esme", ["editors"]),
            ("fergus", []),
            ("gwen", ["editors", "staff"]),
            ("hector", ["staff"]),
        })
        {
            await oldPool.CreateUserAsync(oldPoolId, new UserSpec(user, Password) { Email = $"{user}@example.com" });
            foreach (var group in groups)
            {
                await oldPool.AddUserToGroupAsync(oldPoolId, user, group);
            }
        }
    }

    /// <summary>Signs in on the new pool as an app would (USER_PASSWORD_AUTH).</summary>
    public Task<JsonObject> SignInAsync(string userName) => Pools.SignInAsync(userName, Password);

    /// <summary>Asks the new pool for fresh tokens with a refresh token (REFRESH_TOKEN_AUTH).</summary>
    public Task<JsonObject> RefreshAsync(string refreshToken) => NewPool.SendAsync("InitiateAuth", new JsonObject
    {
        ["AuthFlow"] = "REFRESH_TOKEN_AUTH",
        ["ClientId"] = Pools.NewClient.ClientId,
        ["AuthParameters"] = new JsonObject { ["REFRESH_TOKEN"] = refreshToken },
    });

    public async Task DisposeAsync()
    {
        if (_pools is not null)
        {
            await _pools.DisposeAsync();
        }
    }
}
