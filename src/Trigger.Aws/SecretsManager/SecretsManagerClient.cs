using Amazon.Runtime;
using Trigger.Aws.Protocol;

namespace Trigger.Aws.SecretsManager;

/// <summary>
/// <see cref="ISecretsManager"/> over the JSON 1.1 protocol (<c>X-Amz-Target: secretsmanager.GetSecretValue</c>),
/// signed with AWSSDK.Core's SigV4 signer. Safe to share between threads.
/// </summary>
public sealed class SecretsManagerClient : AwsJsonServiceClient, ISecretsManager
{
    /// <summary>Builds the client; region, endpoint and options are checked here, credentials on the first call.</summary>
    /// <param name="options">Region, endpoint, credentials and the rest; see <see cref="AwsClientOptions"/>.</param>
    /// <exception cref="AwsConfigurationException">No region, or an endpoint that is not an absolute http(s) URL.</exception>
    public SecretsManagerClient(AwsClientOptions options)
        : this(options, defaultCredentials: null)
    {
    }

    internal SecretsManagerClient(AwsClientOptions options, Func<CancellationToken, Task<AWSCredentials>>? defaultCredentials)
        : base(AwsServiceDescription.SecretsManager, options, defaultCredentials)
    {
    }

    /// <inheritdoc />
    public Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken = default) =>
        Client.SendAsync(
            "GetSecretValue",
            request,
            SecretsManagerJsonContext.Default.GetSecretValueRequest,
            SecretsManagerJsonContext.Default.GetSecretValueResponse,
            [],
            cancellationToken);
}
