using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Aws.DynamoDb;
using Trigger.Aws.PoolAdapters;
using Trigger.Aws.SecretsManager;
using Trigger.Aws.SecurityToken;
using Trigger.Function.Configuration;
using Trigger.Function.Handlers;
using Trigger.Function.Logging;
using Trigger.Migration.Decisions;
using Trigger.Migration.Ports;

namespace Trigger.Function;

/// <summary>
/// Builds the function once per execution environment: the clients (one pooled HttpClient, credentials
/// cached), the domain services and the dispatcher. Nothing here is built per invocation.
/// </summary>
internal sealed class TriggerComposition
{
    private readonly IClientSecretSource? _clientSecret;
    private readonly Amazon.Runtime.AWSCredentials? _oldPoolCredentials;

    private TriggerComposition(TriggerDispatcher dispatcher, IClientSecretSource? clientSecret, Amazon.Runtime.AWSCredentials? oldPoolCredentials)
    {
        Dispatcher = dispatcher;
        _clientSecret = clientSecret;
        _oldPoolCredentials = oldPoolCredentials;
    }

    public TriggerDispatcher Dispatcher { get; }

    /// <summary>
    /// Old-pool calls retry throttling and 5xx, each attempt capped so a hanging pool still leaves time to
    /// answer; the invocation budget stops everything before Cognito's 5 seconds run out.
    /// </summary>
    public static AwsResilienceOptions OldPoolResilience { get; } = new()
    {
        MaxRetryAttempts = 3,
        BaseDelay = TimeSpan.FromMilliseconds(100),
        MaxDelay = TimeSpan.FromSeconds(1),
        AttemptTimeout = TimeSpan.FromSeconds(2),
    };

    /// <summary>
    /// The password check (AdminInitiateAuth) retries only throttling and connections never made: a
    /// timeout or 5xx after sending may already have counted a failed attempt toward the old pool's lockout.
    /// </summary>
    public static AwsResilienceOptions PasswordCheckResilience { get; } = new()
    {
        MaxRetryAttempts = OldPoolResilience.MaxRetryAttempts,
        BaseDelay = OldPoolResilience.BaseDelay,
        MaxDelay = OldPoolResilience.MaxDelay,
        AttemptTimeout = OldPoolResilience.AttemptTimeout,
        RetryOnlyUnsentRequests = true,
    };

    /// <summary>Retries of one fold-index GetItem (the SDK's standard mode: throttling, 5xx, network).</summary>
    public const int FoldIndexRetries = 1;

    /// <summary>One fold-index GetItem attempt's cap: a single-digit-millisecond read that takes this long is not coming.</summary>
    public static TimeSpan FoldIndexAttemptTimeout { get; } = TimeSpan.FromMilliseconds(800);

    /// <summary>Retries of one group hand-over call (the SDK's standard mode: throttling, 5xx, network).</summary>
    public const int GroupHandOverRetries = 1;

    /// <summary>One group hand-over attempt's cap, as for the fold index: a single-item write or delete that takes this long is not coming.</summary>
    public static TimeSpan GroupHandOverAttemptTimeout { get; } = TimeSpan.FromMilliseconds(800);

    /// <summary>Builds everything; throws <see cref="AwsConfigurationException"/> for a client that cannot be built.</summary>
    public static TriggerComposition Create(TriggerSettings settings, IEnvironmentVariables environment, TimeProvider time, InvocationLogger log)
    {
        var pipeline = AwsResilience.CreatePipeline(OldPoolResilience, time);

        // The old pool may live in another account: its calls (not the new pool's) go through the assumed role.
        var oldPoolCredentials = settings.OldRoleArn is null
            ? null
            : new AssumeRoleCredentials(
                new AssumeRoleOptions { RoleArn = settings.OldRoleArn, ExternalId = settings.OldExternalId },
                new AwsClientOptions { EnvironmentVariables = environment, TimeProvider = time });
        var oldCognito = new CognitoIdentityProviderClient(new AwsClientOptions
        {
            Region = settings.OldRegion,
            EndpointOverride = settings.OldEndpoint,
            Credentials = oldPoolCredentials,
            ResiliencePipeline = pipeline,
            TimeProvider = time,
            EnvironmentVariables = environment,
        });
        var passwordCognito = new CognitoIdentityProviderClient(new AwsClientOptions
        {
            Region = settings.OldRegion,
            EndpointOverride = settings.OldEndpoint,
            Credentials = oldPoolCredentials,
            ResiliencePipeline = AwsResilience.CreatePipeline(PasswordCheckResilience, time),
            TimeProvider = time,
            EnvironmentVariables = environment,
        });
        var newCognito = new CognitoIdentityProviderClient(new AwsClientOptions
        {
            ResiliencePipeline = pipeline,
            TimeProvider = time,
            EnvironmentVariables = environment,
        });
        var clientSecret = settings.OldClientSecretArn is null
            ? null
            : new SecretsManagerClientSecret(
                new SecretsManagerClient(new AwsClientOptions { Region = RegionOf(settings.OldClientSecretArn), ResiliencePipeline = pipeline, TimeProvider = time, EnvironmentVariables = environment }),
                settings.OldClientSecretArn);
        var sweepKey = settings.SweepKeySecretArn is null
            ? null
            : new SecretsManagerSweepKey(
                new SecretsManagerClient(new AwsClientOptions { Region = RegionOf(settings.SweepKeySecretArn), ResiliencePipeline = pipeline, TimeProvider = time, EnvironmentVariables = environment }),
                settings.SweepKeySecretArn);

        // The fold index lives in the function's own account and region (the stack creates it), so it is read
        // with the function's own credentials; one GetItem per look-up, one SDK retry, each attempt capped so
        // a slow table still leaves the budget room to answer.
        var foldIndex = settings.FoldIndexTable is null
            ? null
            : new DynamoDbFoldedNameIndex(
                settings.FoldIndexTable,
                new AwsClientOptions { TimeProvider = time, EnvironmentVariables = environment },
                maxRetries: FoldIndexRetries,
                attemptTimeout: FoldIndexAttemptTimeout);

        var oldPool = new MeteredOldPool(
            new CognitoOldUserDirectory(oldCognito, new OldPoolTarget(settings.OldUserPoolId, settings.OldClientId), clientSecret, passwordCognito),
            time,
            new CognitoOldGroupMemberships(oldCognito, settings.OldUserPoolId));
        // The new pool (the event's userPoolId) is read once per pool, inside the first invocation's budget.
        var newPools = new CognitoNewPoolProfiles(newCognito);
        var dispatcher = new TriggerDispatcher(
            new SignInMigration(oldPool, settings.Migration, newPools, foldIndex),
            new SignUpGuard(oldPool, new CognitoNewUserDirectory(newCognito), settings.PreSignUpFailOpen, sweepKey, time, newPools, foldIndex),
            oldPool,
            log,
            time,
            settings.SafetyMargin,
            settings.CarryGroups ? new GroupCarry(oldPool, new CognitoNewGroupMemberships(newCognito), GroupHandOverFor(settings, environment, time), time) : null);
        return new TriggerComposition(dispatcher, clientSecret, oldPoolCredentials);
    }

    /// <summary>
    /// Fetches the client secret and the assumed-role credentials during init, in parallel, so the first
    /// sign-in does not pay for them. A failure here is only logged: the first invocation tries again.
    /// </summary>
    public async Task WarmUpAsync(InvocationLogger log, CancellationToken cancellationToken)
    {
        var secret = _clientSecret is null ? Task.CompletedTask : _clientSecret.GetAsync(cancellationToken).AsTask();
        var credentials = _oldPoolCredentials is null ? Task.CompletedTask : _oldPoolCredentials.GetCredentialsAsync();
        try
        {
            await Task.WhenAll(secret, credentials).WaitAsync(cancellationToken);
        }
#pragma warning disable CA1031 // Init must go on; the type names the failure, the message could quote a response.
        catch (Exception e)
#pragma warning restore CA1031
        {
            log.Event(LogLevel.Warn, $"warm-up failed ({e.GetType().Name}); the first invocation fetches again");
        }
    }

    /// <summary>
    /// The groups hand-over: the execution environment's memory, and with a table set also the table (in the
    /// function's own account and region, read with its own credentials), so that the later steps of a sign-in
    /// served by another environment still find it.
    /// </summary>
    private static IGroupHandOverStore GroupHandOverFor(TriggerSettings settings, IEnvironmentVariables environment, TimeProvider time)
    {
        var memory = new GroupHandOver(time);
        return settings.GroupHandOverTable is null
            ? memory
            : new TieredGroupHandOver(
                memory,
                new DynamoDbGroupHandOver(
                    settings.GroupHandOverTable,
                    new AwsClientOptions { TimeProvider = time, EnvironmentVariables = environment },
                    maxRetries: GroupHandOverRetries,
                    attemptTimeout: GroupHandOverAttemptTimeout));
    }

    // arn:partition:secretsmanager:region:account:secret:name
    private static string? RegionOf(string arn) => arn.Split(':') is { Length: > 3 } parts && parts[3].Length > 0 ? parts[3] : null;
}
