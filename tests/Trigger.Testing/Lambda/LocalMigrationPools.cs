using System.Text.Json.Nodes;
using Trigger.Contract;

namespace Trigger.Testing.Lambda;

/// <summary>What <see cref="LocalMigrationPools"/> builds: the two pools, their clients, the function's settings.</summary>
public sealed record LocalMigrationPoolsOptions
{
    /// <summary>The old pool (on cognito-local #1, which has no triggers).</summary>
    public PoolSpec OldPool { get; init; } = new("old-pool");

    /// <summary>The new pool (on cognito-local #2, whose triggers invoke the function).</summary>
    public PoolSpec NewPool { get; init; } = new("new-pool");

    /// <summary>The new pool's app client, the one users sign in with.</summary>
    public AppClientSpec NewClient { get; init; } = new("app") { ExplicitAuthFlows = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] };

    /// <summary>
    /// MIGRATION_* settings added to (or replacing) the ones every world needs: the old pool's id, client,
    /// endpoint and region, and local credentials.
    /// </summary>
    public IReadOnlyDictionary<string, string> FunctionSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Settings read from both pools once they exist (for example by <c>cognito-migrate plan</c>), applied
    /// over <see cref="FunctionSettings"/>. The bridge starts the function on the first invocation, which
    /// comes after the new pool exists, so the function sees them. Null: none.
    /// </summary>
    public Func<LocalMigrationPools, Task<IReadOnlyDictionary<string, string>>>? SettingsFromPools { get; init; }

    /// <summary>AWS_LAMBDA_LOG_FORMAT for the function; null: text.</summary>
    public string? LogFormat { get; init; }

    /// <summary>
    /// Also attaches the function as the new pool's PreSignUp trigger (cognito-local fires it for SignUp),
    /// with the new pool's endpoint in AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER for the guard's look-ups.
    /// </summary>
    public bool AttachPreSignUpGuard { get; init; }

    /// <summary>Also attaches the function as the new pool's PostAuthentication trigger, the step that adds a migrated user's groups.</summary>
    public bool AttachPostAuthentication { get; init; }

    /// <summary>Also attaches the function as the new pool's PreTokenGeneration trigger, the step that puts a migrated user's groups into the first tokens.</summary>
    public bool AttachPreTokenGeneration { get; init; }
}

/// <summary>
/// The migration on one machine, for tests: the old pool on one cognito-local (no triggers: cognito-local
/// applies its triggers to every pool it serves), the real published function behind the Lambda Runtime API
/// bridge, and the new pool on a second cognito-local whose UserMigration trigger invokes the bridge.
/// Whatever started is stopped by <see cref="DisposeAsync"/>, also when starting failed half-way.
/// </summary>
public sealed class LocalMigrationPools : IAsyncDisposable
{
    /// <summary>The region the function signs for; cognito-local's pool ids (local_*) name none.</summary>
    public const string Region = "us-east-1";

    private CognitoLocalServer? _oldServer;
    private CognitoLocalServer? _newServer;
    private Dictionary<string, string>? _settings;

    private LocalMigrationPools()
    {
    }

    public CognitoAdmin OldPool { get; private set; } = null!;

    public CognitoAdmin NewPool { get; private set; } = null!;

    public string OldPoolId { get; private set; } = "";

    public string NewPoolId { get; private set; } = "";

    /// <summary>The old pool's client the trigger signs in with (ADMIN_USER_PASSWORD_AUTH only).</summary>
    public AppClientKeys OldClient { get; private set; } = null!;

    public AppClientKeys NewClient { get; private set; } = null!;

    public LambdaRuntimeBridge Bridge { get; private set; } = null!;

    public Uri OldEndpoint => _oldServer!.Endpoint;

    public Uri NewEndpoint => _newServer!.Endpoint;

    /// <summary>Everything the emulators and the function printed, for the secret scans.</summary>
    public string AllOutput => string.Concat(_oldServer?.Output, _newServer?.Output, Bridge?.Output);

    /// <summary>
    /// Starts the old pool, seeds it with <paramref name="seedOldPool"/> (given the admin and the pool id),
    /// then the function and the new pool.
    /// </summary>
    public static async Task<LocalMigrationPools> StartAsync(
        LocalMigrationPoolsOptions options,
        Func<CognitoAdmin, string, Task> seedOldPool,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(seedOldPool);
        SlowTests.RequireMarkedCaller("starts cognito-local and the published function");
        var pools = new LocalMigrationPools();
        try
        {
            await pools.StartCoreAsync(options, seedOldPool, cancellationToken);
            return pools;
        }
        catch
        {
            await pools.DisposeAsync();
            throw;
        }
    }

    /// <summary>Signs in on the new pool as an app would (USER_PASSWORD_AUTH), which fires the trigger for an unknown user.</summary>
    public Task<JsonObject> SignInAsync(string userName, string password) => NewPool.SendAsync("InitiateAuth", new JsonObject
    {
        ["AuthFlow"] = "USER_PASSWORD_AUTH",
        ["ClientId"] = NewClient.ClientId,
        ["AuthParameters"] = new JsonObject { ["USERNAME"] = userName, ["PASSWORD"] = password },
    });

    /// <summary>The new pool's user, or null when there is none.</summary>
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

    /// <summary>The new pool's cognito-local data folder (<c>.cognito/db/&lt;pool id&gt;.json</c> holds the codes it "sent").</summary>
    public string NewPoolDataDirectory => Path.Combine(_newServer!.WorkingDirectory, ".cognito", "db");

    /// <summary>Stops the old pool's emulator for good: a region outage, as the function and the tools then see it.</summary>
    public async Task StopOldPoolAsync()
    {
        if (_oldServer is not null)
        {
            await _oldServer.DisposeAsync();
        }
    }

    /// <summary>
    /// Changes one of the function's settings the way a configuration update does in Lambda: the running
    /// environment ends, and the next invocation starts a fresh one that reads the new value.
    /// </summary>
    public void UpdateFunctionSetting(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(_settings);
        _settings[name] = value;
        if (Bridge.RuntimeProcessId is { } processId)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(processId);
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
            catch (ArgumentException)
            {
                // Already gone: the next invocation starts a fresh one anyway.
            }
        }
    }

    public async ValueTask DisposeAsync()
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

    private async Task StartCoreAsync(LocalMigrationPoolsOptions options, Func<CognitoAdmin, string, Task> seedOldPool, CancellationToken cancellationToken)
    {
        var publish = FunctionArtifact.GetPublishedAsync(cancellationToken);
        _oldServer = await CognitoLocalServer.StartAsync(new CognitoLocalOptions(), cancellationToken);
        OldPool = new CognitoAdmin(_oldServer.Endpoint);
        OldPoolId = (await OldPool.CreatePoolAsync(options.OldPool, cancellationToken)).Id;
        OldClient = await OldPool.CreateAppClientAsync(OldPoolId, new AppClientSpec("migration") { ExplicitAuthFlows = ["ALLOW_ADMIN_USER_PASSWORD_AUTH"] }, cancellationToken);
        await seedOldPool(OldPool, OldPoolId);

        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TriggerSettingNames.OldUserPoolId] = OldPoolId,
            [TriggerSettingNames.OldClientId] = OldClient.ClientId,
            [TriggerSettingNames.OldEndpointUrl] = _oldServer.Endpoint.ToString(),
            [TriggerSettingNames.OldRegion] = Region,
            ["AWS_REGION"] = Region,
            ["AWS_ACCESS_KEY_ID"] = "local",
            ["AWS_SECRET_ACCESS_KEY"] = "local",
        };
        foreach (var (name, value) in options.FunctionSettings)
        {
            settings[name] = value;
        }

        _settings = settings;

        Bridge = await LambdaRuntimeBridge.StartAsync(
            new LambdaRuntimeBridgeOptions { Runtime = await publish, CognitoLocalShims = true, LogFormat = options.LogFormat, Environment = settings },
            cancellationToken);
        _newServer = await CognitoLocalServer.StartAsync(
            new CognitoLocalOptions
            {
                LambdaEndpoint = Bridge.Endpoint,
                UserMigrationFunction = Bridge.FunctionName,
                PreSignUpFunction = options.AttachPreSignUpGuard ? Bridge.FunctionName : null,
                PostAuthenticationFunction = options.AttachPostAuthentication ? Bridge.FunctionName : null,
                PreTokenGenerationFunction = options.AttachPreTokenGeneration ? Bridge.FunctionName : null,
            },
            cancellationToken);

        // The bridge starts the runtime on the first invoke and reads this dictionary then, so the new
        // pool's endpoint (known only now) still reaches the function.
        settings["AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"] = _newServer.Endpoint.ToString();
        NewPool = new CognitoAdmin(_newServer.Endpoint);
        NewPoolId = (await NewPool.CreatePoolAsync(options.NewPool, cancellationToken)).Id;
        NewClient = await NewPool.CreateAppClientAsync(NewPoolId, options.NewClient, cancellationToken);
        if (options.SettingsFromPools is { } fromPools)
        {
            // The bridge holds this very dictionary and reads it when it starts the function.
            var derived = await fromPools(this);
            if (Bridge.ProcessStarts > 0)
            {
                throw new InvalidOperationException("The function started before the settings read from the pools were applied.");
            }

            foreach (var (name, value) in derived)
            {
                settings[name] = value;
            }
        }
    }
}
