using Amazon.Runtime;
using Trigger.Aws.Protocol;

namespace Trigger.Aws.SecretsManager;

/// <summary>
/// <see cref="ISecretsManager"/> over the JSON 1.1 protocol (<c>X-Amz-Target: secretsmanager.GetSecretValue</c>),
/// signed with AWSSDK.Core's SigV4 signer. Safe to share between threads.
/// </summary>
public sealed class SecretsManagerClient : ISecretsManager
{
    private readonly AwsJsonClient _client;

    /// <summary>Builds the client; region, endpoint and options are checked here, credentials on the first call.</summary>
    /// <param name="options">Region, endpoint, credentials and the rest; see <see cref="AwsClientOptions"/>.</param>
    /// <exception cref="AwsConfigurationException">No region, or an endpoint that is not an absolute http(s) URL.</exception>
    public SecretsManagerClient(AwsClientOptions options)
        : this(options, defaultCredentials: null)
    {
    }

    internal SecretsManagerClient(AwsClientOptions options, Func<CancellationToken, Task<AWSCredentials>>? defaultCredentials)
    {
        _client = new AwsJsonClient(AwsServiceDescription.SecretsManager, options, defaultCredentials);
    }

    /// <summary>The region calls are signed for.</summary>
    public string Region => _client.Region;

    /// <summary>The endpoint calls go to.</summary>
    public Uri Endpoint => _client.Endpoint;

    /// <inheritdoc />
    public Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken = default) =>
        _client.SendAsync(
            "GetSecretValue",
            request,
            SecretsManagerJsonContext.Default.GetSecretValueRequest,
            SecretsManagerJsonContext.Default.GetSecretValueResponse,
            [],
            cancellationToken);
}
