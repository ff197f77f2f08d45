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
    private readonly SdkClientOnFirstUse<AmazonSecurityTokenServiceClient> _client;
    private readonly TimeProvider _timeProvider;

    public SecurityTokenRoleAssumer(AwsClientOptions options, Func<CancellationToken, Task<AWSCredentials>>? defaultCredentials = null)
    {
        var service = AwsServiceDescription.SecurityToken;
        var environment = options.EnvironmentVariables ?? ProcessEnvironmentVariables.Instance;
        Region = AwsEndpoints.ResolveRegion(options.Region, environment, service);
        Endpoint = AwsEndpoints.ResolveEndpoint(service, Region, options.EndpointOverride, environment);
        _timeProvider = options.TimeProvider ?? TimeProvider.System;
        var config = new AmazonSecurityTokenServiceConfig
        {
            // ServiceURL pins the endpoint; AuthenticationRegion keeps the signature scoped to the region.
            ServiceURL = Endpoint.ToString(),
            AuthenticationRegion = Region,
            HttpClientFactory = new SdkHttpClientFactory(options.HttpClient),
        };
        _client = new SdkClientOnFirstUse<AmazonSecurityTokenServiceClient>(
            new AwsCredentialResolver(options.Credentials, defaultCredentials, service.DisplayName),
            source => new AmazonSecurityTokenServiceClient(source, config));
    }

    public string Region { get; }

    public Uri Endpoint { get; }

    public async Task<AssumedRoleSession> AssumeRoleAsync(AssumeRoleOptions role, CancellationToken cancellationToken)
    {
        var client = await _client.GetAsync(cancellationToken);
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
}
