using System.Text.Json.Nodes;
using Trigger.Cli.Common;
using Trigger.Cli.Sweep;
using Trigger.Cli.Tests.Sweep.Support;
using Trigger.Testing;
using Trigger.Testing.Lambda;

namespace Trigger.Cli.Tests.Sweep;

/// <summary>
/// The sweep on live emulators: the old pool on one cognito-local (no triggers), the new pool on another
/// whose UserMigration trigger is the real published bootstrap behind the Runtime API bridge. 310 old users
/// of varied states; 10 of them sign in first and are migrated by the trigger; then one sweep runs.
/// </summary>
public sealed class CognitoLocalSweepFixture : IAsyncLifetime
{
    public const string Password = "Old-pool-Pa55!";
    public const int Regular = 270;
    public const int MigratedByTrigger = 10;

    private CognitoLocalServer? _oldServer;
    private CognitoLocalServer? _newServer;
    private DirectoryInfo? _scratch;

    public CognitoAdmin OldPool { get; private set; } = null!;

    public CognitoAdmin NewPool { get; private set; } = null!;

    public string OldPoolId { get; private set; } = "";

    public string NewPoolId { get; private set; } = "";

    public AppClientKeys NewClient { get; private set; } = null!;

    public LambdaRuntimeBridge Bridge { get; private set; } = null!;

    /// <summary>Every old user as the old pool reports it, by username.</summary>
    public Dictionary<string, UserView> OldUsers { get; } = new(StringComparer.Ordinal);

    internal RunResult Sweep { get; private set; } = null!;

    public string WorkDirectory => Path.Combine(_scratch!.FullName, "work");

    public async Task InitializeAsync()
    {
        var publish = FunctionArtifact.GetPublishedAsync();
        _scratch = Directory.CreateTempSubdirectory("cli2-local-");
        _oldServer = await CognitoLocalServer.StartAsync();
        OldPool = new CognitoAdmin(_oldServer.Endpoint);
        OldPoolId = (await OldPool.CreatePoolAsync(new PoolSpec("old-pool") { Schema = [new SchemaAttributeSpec("tenant"), new SchemaAttributeSpec("tier")] })).Id;
        var oldClient = await OldPool.CreateAppClientAsync(OldPoolId, new AppClientSpec("migration") { ExplicitAuthFlows = ["ALLOW_ADMIN_USER_PASSWORD_AUTH"] });
        await SeedAsync();

        Bridge = await LambdaRuntimeBridge.StartAsync(new LambdaRuntimeBridgeOptions
        {
            Runtime = await publish,
            CognitoLocalShims = true,
            Environment = new Dictionary<string, string>
            {
                ["MIGRATION_OLD_USER_POOL_ID"] = OldPoolId,
                ["MIGRATION_OLD_CLIENT_ID"] = oldClient.ClientId,
                ["MIGRATION_OLD_ENDPOINT_URL"] = _oldServer.Endpoint.ToString(),
                ["MIGRATION_OLD_REGION"] = "us-east-1",
                ["MIGRATION_NEW_CUSTOM_ATTRIBUTES"] = "custom:tenant",
                ["AWS_REGION"] = "us-east-1",
                ["AWS_ACCESS_KEY_ID"] = "local",
                ["AWS_SECRET_ACCESS_KEY"] = "local",
            },
        });
        _newServer = await CognitoLocalServer.StartAsync(new CognitoLocalOptions { LambdaEndpoint = Bridge.Endpoint, UserMigrationFunction = Bridge.FunctionName });
        NewPool = new CognitoAdmin(_newServer.Endpoint);
        NewPoolId = (await NewPool.CreatePoolAsync(new PoolSpec("new-pool") { Schema = [new SchemaAttributeSpec("tenant")] })).Id;
        NewClient = await NewPool.CreateAppClientAsync(NewPoolId, new AppClientSpec("app") { ExplicitAuthFlows = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] });

        for (var i = 0; i < MigratedByTrigger; i++)
        {
            var signedIn = await SignInAsync($"u{i:000}", Password);
            if (signedIn["AuthenticationResult"] is null)
            {
                throw new InvalidOperationException($"u{i:000} was not migrated by the trigger; the test world is broken.");
            }
        }

        var client = FakePools.CreateClient(_oldServer.Endpoint);
        var newClient = FakePools.CreateClient(_newServer.Endpoint);
        using var output = new StringWriter();
        using var messages = new StringWriter();
        var code = await SweepRunner.RunAsync(
            new SweepOptions
            {
                OldUserPoolId = OldPoolId,
                NewUserPoolId = NewPoolId,
                AssumeYes = true,
                WorkDirectory = WorkDirectory,
                CreatesPerSecond = 200,
                PasswordCallsPerSecond = 200,
                ReadsPerSecond = 400,
                Concurrency = 4,
                Format = OutputFormat.Json,
                ProgressInterval = TimeSpan.FromHours(1),
            },
            client,
            newClient,
            output,
            messages,
            new StringReader(string.Empty),
            TimeProvider.System);
        Sweep = new RunResult(code, output.ToString(), messages.ToString());
    }

    public Task<JsonObject> SignInAsync(string userName, string password) => NewPool.SendAsync("InitiateAuth", new JsonObject
    {
        ["AuthFlow"] = "USER_PASSWORD_AUTH",
        ["ClientId"] = NewClient.ClientId,
        ["AuthParameters"] = new JsonObject { ["USERNAME"] = userName, ["PASSWORD"] = password },
    });

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
        _scratch?.Delete(recursive: true);
    }

    private async Task SeedAsync()
    {
        async Task Add(string name, Func<UserSpec, UserSpec>? adjust = null)
        {
            var spec = new UserSpec(name, Password)
            {
                Email = $"{name}@example.com",
                Attributes = new Dictionary<string, string> { ["given_name"] = $"Given {name}", ["custom:tenant"] = $"tenant-{name[0]}" },
            };
            OldUsers[name] = await OldPool.CreateUserAsync(OldPoolId, adjust is null ? spec : adjust(spec));
        }

        for (var i = 0; i < Regular; i++)
        {
            await Add($"u{i:000}");
        }

        for (var i = 0; i < 10; i++)
        {
            await Add($"f{i:000}", s => s with { Status = SeededUserStatus.ForceChangePassword });
            await Add($"d{i:000}", s => s with { Enabled = false });
            await Add($"n{i:000}", s => s with { EmailVerified = false });
        }

        for (var i = 0; i < 5; i++)
        {
            await Add($"t{i:000}", s => s with { Attributes = new Dictionary<string, string> { ["custom:tier"] = "gold" } });
            await Add($"p{i:000}", s => s with { Email = null, PhoneNumber = $"+1555555{i:0000}" });
        }
    }
}
