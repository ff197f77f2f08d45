using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Trigger.Aws.Protocol;
using Trigger.Aws.SecurityToken;

namespace Trigger.Aws.DynamoDb;

/// <summary>
/// Builds AWSSDK.DynamoDBv2 clients at the endpoint our endpoint rules choose (<c>AWS_ENDPOINT_URL_DYNAMODB</c>,
/// <c>AWS_ENDPOINT_URL</c>, else the regional one), on the process's shared connection pool, with the SDK's
/// own retries (standard mode) bounded by the caller and each attempt capped by a timeout.
/// </summary>
public static class DynamoDbClients
{
    /// <summary>A client for <paramref name="options"/>; credentials from the options or the default chain.</summary>
    /// <exception cref="AwsConfigurationException">No region, a bad endpoint, or no credentials.</exception>
    public static async Task<IAmazonDynamoDB> CreateAsync(AwsClientOptions options, int maxRetries, TimeSpan attemptTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (config, credentials) = Prepare(options, maxRetries, attemptTimeout);
        var source = await credentials.ResolveSourceAsync(cancellationToken);
        return new AmazonDynamoDBClient(source, config);
    }

    /// <summary>Checks region and endpoint now (a bad one fails at init), leaving credentials for the first call.</summary>
    internal static (AmazonDynamoDBConfig Config, AwsCredentialResolver Credentials) Prepare(AwsClientOptions options, int maxRetries, TimeSpan attemptTimeout)
    {
        var service = AwsServiceDescription.DynamoDb;
        var environment = options.EnvironmentVariables ?? ProcessEnvironmentVariables.Instance;
        var region = AwsEndpoints.ResolveRegion(options.Region, environment, service);
        var endpoint = AwsEndpoints.ResolveEndpoint(service, region, options.EndpointOverride, environment);
        var config = new AmazonDynamoDBConfig
        {
            // ServiceURL pins the endpoint; AuthenticationRegion keeps the signature scoped to the region.
            ServiceURL = endpoint.ToString(),
            AuthenticationRegion = region,
            HttpClientFactory = new SdkHttpClientFactory(options.HttpClient),
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = maxRetries,
            Timeout = attemptTimeout,
        };
        return (config, new AwsCredentialResolver(options.Credentials, defaultChain: null, service.DisplayName));
    }
}
