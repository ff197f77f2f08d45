using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Trigger.Aws.Protocol;

namespace Trigger.Aws.SecurityToken;

/// <summary>
/// AssumeRole through AWSSDK.SecurityToken, at the endpoint our endpoint rules choose, with the
/// SDK's own retries. The SDK client is built on first use, once the source credentials are known.
/// </summary>
internal sealed class SecurityTokenRoleAssumer : IRoleAssumer
{
    private readonly AwsCredentialResolver _sourceCredentials;
    private readonly AmazonSecurityTokenServiceConfig _config;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _clientGate = new(1, 1);
    private AmazonSecurityTokenServiceClient? _client;

    public SecurityTokenRoleAssumer(AwsClientOptions options, Func<CancellationToken, Task<AWSCredentials>>? defaultCredentials = null)
    {
        var service = AwsServiceDescription.SecurityToken;
        var environment = options.EnvironmentVariables ?? ProcessEnvironmentVariables.Instance;
        Region = AwsEndpoints.ResolveRegion(options.Region, environment, service);
        Endpoint = AwsEndpoints.ResolveEndpoint(service, Region, options.EndpointOverride, environment);
        _timeProvider = options.TimeProvider ?? TimeProvider.System;
        _sourceCredentials = new AwsCredentialResolver(options.Credentials, defaultCredentials, service.DisplayName);
        _config = new AmazonSecurityTokenServiceConfig
        {
            // ServiceURL pins the endpoint; AuthenticationRegion keeps the signature scoped to the region.
            ServiceURL = Endpoint.ToString(),
            AuthenticationRegion = Region,
            HttpClientFactory = new SdkHttpClientFactory(options.HttpClient),
        };
    }

    public string Region { get; }

    public Uri Endpoint { get; }

    public async Task<AssumedRoleSession> AssumeRoleAsync(AssumeRoleOptions role, CancellationToken cancellationToken)
    {
        var client = await GetClientAsync(cancellationToken);
        var response = await client.AssumeRoleAsync(
            new AssumeRoleRequest
            {
                RoleArn = role.RoleArn,
                RoleSessionName = role.RoleSessionName,
                ExternalId = role.ExternalId,
                DurationSeconds = (int)role.Duration.TotalSeconds,
            },
            cancellationToken);

        var keys = response.Credentials;
        if (keys is null || string.IsNullOrEmpty(keys.AccessKeyId) || string.IsNullOrEmpty(keys.SecretAccessKey))
        {
            throw new AwsServiceException("STS AssumeRole returned no credentials.", "MalformedResponse", System.Net.HttpStatusCode.OK, requestId: null);
        }

        // STS always sends Expiration; should it ever not, assume the requested duration.
        var expiration = keys.Expiration is { } expires
            ? new DateTimeOffset(DateTime.SpecifyKind(expires.Kind == DateTimeKind.Local ? expires.ToUniversalTime() : expires, DateTimeKind.Utc))
            : _timeProvider.GetUtcNow() + role.Duration;

        return new AssumedRoleSession(new ImmutableCredentials(keys.AccessKeyId, keys.SecretAccessKey, keys.SessionToken), expiration);
    }

    private async Task<AmazonSecurityTokenServiceClient> GetClientAsync(CancellationToken cancellationToken)
    {
        if (_client is { } ready)
        {
            return ready;
        }

        await _clientGate.WaitAsync(cancellationToken);
        try
        {
            if (_client is null)
            {
                var source = await _sourceCredentials.ResolveSourceAsync(cancellationToken);
                _client = new AmazonSecurityTokenServiceClient(source, _config);
            }

            return _client;
        }
        finally
        {
            _clientGate.Release();
        }
    }
}
