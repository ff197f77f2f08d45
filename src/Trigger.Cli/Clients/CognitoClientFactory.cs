using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Polly;
using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Aws.SecurityToken;

using Trigger.Cli.Exits;
using Trigger.Cli.Hosting;
using Trigger.Cli.Options;

namespace Trigger.Cli.Clients;

/// <summary>
/// Builds the Cognito client for a pool from the command line: credentials from the host's test seam,
/// else <c>--profile</c> (AWSSDK.Core's profile store), else AWSSDK.Core's default chain; the region
/// from <c>--old-region</c>/<c>--new-region</c>, else the pool id's prefix, else the profile's region,
/// else AWS_REGION; a role assumed for the old pool when <c>--old-role-arn</c> is given.
/// </summary>
internal sealed class CognitoClientFactory
{
    // An operator's tool can wait longer than the trigger: more retries, longer backoff on throttling.
    private static readonly AwsResilienceOptions _interactive = new()
    {
        MaxRetryAttempts = 5,
        BaseDelay = TimeSpan.FromMilliseconds(500),
        MaxDelay = TimeSpan.FromSeconds(20),
        AttemptTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>
    /// Retries for a batch (export, sweep): more and shorter-spaced than an interactive call, so that
    /// throttling bursts (the quotas are shared with live traffic) are absorbed instead of stopping the run.
    /// </summary>
    public static readonly AwsResilienceOptions BatchResilience = new()
    {
        MaxRetryAttempts = 8,
        BaseDelay = TimeSpan.FromMilliseconds(250),
        MaxDelay = TimeSpan.FromSeconds(20),
        AttemptTimeout = TimeSpan.FromSeconds(30),
    };

    private readonly CliHost _host;
    private readonly string? _profileName;
    private readonly Lazy<CredentialProfile?> _profile;
    private readonly Lazy<ResiliencePipeline> _pipeline;

    /// <param name="host">Credentials, environment and test seams.</param>
    /// <param name="profileName"><c>--profile</c>, or null for the default chain.</param>
    /// <param name="resilience">The retry policy; null for an interactive command's. The host's pipeline wins when it has one.</param>
    public CognitoClientFactory(CliHost host, string? profileName, AwsResilienceOptions? resilience = null)
    {
        _host = host;
        _profileName = profileName;
        _profile = new Lazy<CredentialProfile?>(FindProfile);
        _pipeline = new Lazy<ResiliencePipeline>(() => host.ResiliencePipeline ?? AwsResilience.CreatePipeline(resilience ?? _interactive, host.TimeProvider));
    }

    /// <summary>Connects to one pool. Nothing is sent yet.</summary>
    /// <exception cref="CliFailure">Exit code 2: an unknown profile, no region, a bad role setting.</exception>
    public PoolConnection Connect(PoolTarget pool)
    {
        var region = pool.Region ?? InputRules.RegionOfPoolId(pool.PoolId) ?? _profile.Value?.Region?.SystemName;
        var credentials = BaseCredentials();
        try
        {
            if (pool.RoleArn is not null)
            {
                credentials = new AssumeRoleCredentials(
                    new AssumeRoleOptions { RoleArn = pool.RoleArn, ExternalId = pool.ExternalId, RoleSessionName = "cognito-migrate" },
                    new AwsClientOptions
                    {
                        Region = region,
                        Credentials = credentials,
                        HttpClient = _host.HttpClient,
                        TimeProvider = _host.TimeProvider,
                        EnvironmentVariables = _host.Environment,
                    });
            }

            var client = new CognitoIdentityProviderClient(new AwsClientOptions
            {
                Region = region,
                EndpointOverride = pool.EndpointOverride,
                Credentials = credentials,
                HttpClient = _host.HttpClient,
                ResiliencePipeline = _pipeline.Value,
                TimeProvider = _host.TimeProvider,
                EnvironmentVariables = _host.Environment,
            });
            return new PoolConnection(pool, client, client.Region, client.Endpoint) { Time = _host.TimeProvider };
        }
        catch (AwsConfigurationException exception)
        {
            var hint = region is null ? $" (the {pool.SideName} pool id '{pool.PoolId}' names no region: pass --{pool.SideName}-region)" : "";
            throw new CliFailure($"The {pool.SideName} pool: {exception.Message}{hint}", exception, ExitCodes.Usage);
        }
    }

    /// <summary>The credentials of the command line itself (no role assumed): the host's, <c>--profile</c>'s, or null for the default chain.</summary>
    /// <exception cref="CliFailure">Exit code 2: an unknown profile.</exception>
    public AWSCredentials? BaseCredentials()
    {
        if (_host.Credentials is not null)
        {
            return _host.Credentials;
        }

        if (_profileName is null)
        {
            // Null: the client resolves AWSSDK.Core's default chain (environment, AWS_PROFILE, SSO, roles) on first use.
            return null;
        }

        if (ProfileStore().TryGetAWSCredentials(_profileName, out var credentials))
        {
            return credentials;
        }

        throw new CliFailure($"--profile '{_profileName}' was not found in the AWS credentials or config file, or it holds no credentials.", ExitCodes.Usage);
    }

    /// <summary>The region <c>--profile</c> names, if any.</summary>
    public string? ProfileRegion => _profile.Value?.Region?.SystemName;

    private CredentialProfile? FindProfile() =>
        _profileName is not null && ProfileStore().TryGetProfile(_profileName, out var profile) ? profile : null;

    private CredentialProfileStoreChain ProfileStore() =>
        _host.ProfilesLocation is null ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(_host.ProfilesLocation);
}
