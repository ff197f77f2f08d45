using Trigger.Contract;
using Trigger.Demo.Seeds;
using Trigger.Testing;
using Trigger.Testing.Lambda;

namespace Trigger.Demo.World;

/// <summary>
/// The migration on one machine: the old pool on cognito-local #1 (no triggers: cognito-local applies its
/// triggers to every pool it serves), the real published function behind the Lambda Runtime API bridge, and
/// the new pool on cognito-local #2 whose UserMigration and PreSignUp triggers invoke the bridge.
/// Each piece is kept as soon as it starts, so <see cref="DisposeAsync"/> stops whatever did start.
/// </summary>
internal sealed class LocalMigrationWorld : IAsyncDisposable
{
    /// <summary>The region the function signs for; cognito-local's pool ids (local_*) name none.</summary>
    public const string Region = "us-east-1";

    // Read by the bridge when it starts the function, at the first invocation: the new pool's endpoint is
    // added once cognito-local #2 is up, which in turn needs the bridge's endpoint first.
    private readonly Dictionary<string, string> _functionEnvironment = new(StringComparer.Ordinal);
    private CognitoLocalServer? _oldServer;
    private CognitoLocalServer? _newServer;
    private LambdaRuntimeBridge? _bridge;
    private CognitoAdmin? _oldPool;
    private CognitoAdmin? _newPool;

    public CognitoLocalServer OldServer => _oldServer ?? throw NotStarted("the old pool");

    public CognitoLocalServer NewServer => _newServer ?? throw NotStarted("the new pool");

    public LambdaRuntimeBridge Bridge => _bridge ?? throw NotStarted("the function");

    public CognitoAdmin OldPool => _oldPool ?? throw NotStarted("the old pool");

    public CognitoAdmin NewPool => _newPool ?? throw NotStarted("the new pool");

    /// <summary>
    /// Also makes the function the new pool's PostAuthentication trigger, the step that adds a migrated user's
    /// groups (as <c>cognito-migrate enable</c> does by default). Then every sign-in invokes the function.
    /// </summary>
    public bool AttachPostAuthentication { get; init; }

    public string OldPoolId { get; private set; } = "";

    public string NewPoolId { get; private set; } = "";

    public AppClientKeys OldClient { get; private set; } = null!;

    public AppClientKeys NewClient { get; private set; } = null!;

    /// <summary>The function's configuration, exactly as the bridge hands it over (the CDK stack sets the same variables).</summary>
    public IReadOnlyDictionary<string, string> FunctionEnvironment => _functionEnvironment;

    /// <summary>Starts cognito-local #1, creates the old pool, its app client for the trigger, and the seeded users.</summary>
    /// <returns>The users as the old pool reports them (AdminGetUser).</returns>
    public async Task<IReadOnlyList<UserView>> StartOldPoolAsync(OldPoolFile seed, CancellationToken cancellationToken)
    {
        _oldServer = await CognitoLocalServer.StartAsync(new CognitoLocalOptions(), cancellationToken);
        _oldPool = new CognitoAdmin(_oldServer.Endpoint);
        OldPoolId = (await OldPool.CreatePoolAsync(new PoolSpec("old-pool")
        {
            Schema = [.. seed.CustomAttributes.Select(name => new SchemaAttributeSpec(name))],
            AliasAttributes = seed.AliasAttributes,
        }, cancellationToken)).Id;

        // The trigger checks passwords with AdminInitiateAuth, so its client needs ADMIN_USER_PASSWORD_AUTH only.
        OldClient = await OldPool.CreateAppClientAsync(OldPoolId, new AppClientSpec("user-migration-trigger")
        {
            ExplicitAuthFlows = ["ALLOW_ADMIN_USER_PASSWORD_AUTH"],
        }, cancellationToken);

        var users = new List<UserView>();
        foreach (var user in seed.Users)
        {
            users.Add(await OldPool.CreateUserAsync(OldPoolId, new UserSpec(user.Username, user.Password)
            {
                Status = user.Status == "FORCE_CHANGE_PASSWORD" ? SeededUserStatus.ForceChangePassword : SeededUserStatus.Confirmed,
                Enabled = user.Enabled,
                Email = user.Email,
                EmailVerified = user.EmailVerified,
                PreferredUsername = user.PreferredUsername,
                Attributes = user.Attributes,
            }, cancellationToken));
        }

        return users;
    }

    /// <summary>Starts the bridge over the published function, configured for the old pool. The function itself starts on the first invocation.</summary>
    public async Task StartFunctionAsync(RuntimeCommand function, CancellationToken cancellationToken)
    {
        FunctionPath = function.FileName;
        _functionEnvironment[TriggerSettingNames.OldUserPoolId] = OldPoolId;
        _functionEnvironment[TriggerSettingNames.OldClientId] = OldClient.ClientId;
        _functionEnvironment[TriggerSettingNames.OldEndpointUrl] = OldServer.Endpoint.ToString();
        _functionEnvironment[TriggerSettingNames.OldRegion] = Region;
        // The names a user may type are the new pool's: the old pool's own aliases would leave out
        // preferred_username, which only the new pool accepts. Given as overrides so the printout shows
        // them; unset, the function reads the same of the new pool (DescribeUserPool).
        _functionEnvironment[TriggerSettingNames.AliasAttributes] = string.Join(',', NewPoolDesign.AliasAttributes);
        _functionEnvironment[TriggerSettingNames.NewCustomAttributes] = string.Join(',', NewPoolDesign.CustomAttributes.Select(name => "custom:" + name));
        _functionEnvironment["AWS_REGION"] = Region;
        // Dummy credentials: the function signs its calls as in AWS; the emulators check no signature.
        _functionEnvironment["AWS_ACCESS_KEY_ID"] = "local";
        _functionEnvironment["AWS_SECRET_ACCESS_KEY"] = "local";
        _functionEnvironment["AWS_LAMBDA_LOG_FORMAT"] = "JSON";

        _bridge = await LambdaRuntimeBridge.StartAsync(new LambdaRuntimeBridgeOptions
        {
            Runtime = function,
            Environment = _functionEnvironment,
            Region = Region,
            LogFormat = "JSON",
            // Cognito's fixed 5 s per trigger; a generous init phase for a busy machine.
            Timeout = TimeSpan.FromSeconds(5),
            InitTimeout = TimeSpan.FromSeconds(30),
            CognitoLocalShims = true,
        }, cancellationToken);
    }

    /// <summary>Starts cognito-local #2 with both triggers on the bridge, creates the new pool and the apps' client.</summary>
    public async Task StartNewPoolAsync(CancellationToken cancellationToken)
    {
        _newServer = await CognitoLocalServer.StartAsync(new CognitoLocalOptions
        {
            LambdaEndpoint = Bridge.Endpoint,
            UserMigrationFunction = Bridge.FunctionName,
            PreSignUpFunction = Bridge.FunctionName,
            PostAuthenticationFunction = AttachPostAuthentication ? Bridge.FunctionName : null,
        }, cancellationToken);
        _newPool = new CognitoAdmin(_newServer.Endpoint);

        // The PreSignUp guard asks the new pool whether an old user already moved; in AWS that is the
        // standard endpoint, here cognito-local #2.
        _functionEnvironment["AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"] = _newServer.Endpoint.ToString();

        var triggers = new Dictionary<string, string> { ["UserMigration"] = Bridge.FunctionArn, ["PreSignUp"] = Bridge.FunctionArn };
        if (AttachPostAuthentication)
        {
            triggers["PostAuthentication"] = Bridge.FunctionArn;
        }

        NewPoolId = (await NewPool.CreatePoolAsync(new PoolSpec(NewPoolDesign.PoolName)
        {
            Schema = [.. NewPoolDesign.CustomAttributes.Select(name => new SchemaAttributeSpec(name))],
            AliasAttributes = NewPoolDesign.AliasAttributes,
            // What the real pool carries; cognito-local takes its triggers from its own config instead.
            LambdaConfig = triggers,
        }, cancellationToken)).Id;
        NewClient = await NewPool.CreateAppClientAsync(NewPoolId, new AppClientSpec(NewPoolDesign.AppClientName)
        {
            ExplicitAuthFlows = NewPoolDesign.AppClientAuthFlows,
            PreventUserExistenceErrors = "ENABLED",
        }, cancellationToken);
    }

    /// <summary>The new pool's user by username, or null when there is none.</summary>
    public async Task<UserView?> NewUserOrNullAsync(string username, CancellationToken cancellationToken)
    {
        try
        {
            return await NewPool.GetUserAsync(NewPoolId, username, cancellationToken);
        }
        catch (CognitoApiException e) when (e.ErrorType == "UserNotFoundException")
        {
            return null;
        }
    }

    /// <summary>Everything the emulators and the function printed, for the final scan for passwords.</summary>
    public string AllOutput => string.Join('\n', _oldServer?.Output, _newServer?.Output, _bridge?.Output);

    /// <summary>The node processes started so far (cognito-local #1 and #2), to check they are gone after disposal.</summary>
    public IReadOnlyList<int> EmulatorProcessIds => [.. new[] { _oldServer, _newServer }.OfType<CognitoLocalServer>().Select(s => s.ProcessId)];

    /// <summary>The emulators' working folders (their data), to check they are gone after disposal.</summary>
    public IReadOnlyList<string> EmulatorFolders => [.. new[] { _oldServer, _newServer }.OfType<CognitoLocalServer>().Select(s => s.WorkingDirectory)];

    /// <summary>The function's running process, if the bridge started one (before disposal).</summary>
    public int? FunctionProcessId => _bridge?.RuntimeProcessId;

    /// <summary>The function executable the bridge runs, to check no copy of it is left after disposal.</summary>
    public string? FunctionPath { get; private set; }

    /// <summary>Stops the new pool first (no more invocations), then the function, then the old pool. Each wait is bounded.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_newServer is not null)
        {
            await _newServer.DisposeAsync();
        }

        if (_bridge is not null)
        {
            await _bridge.DisposeAsync();
        }

        if (_oldServer is not null)
        {
            await _oldServer.DisposeAsync();
        }

        _newPool?.Dispose();
        _oldPool?.Dispose();
    }

    private static InvalidOperationException NotStarted(string what) => new($"{what} has not been started yet.");
}
