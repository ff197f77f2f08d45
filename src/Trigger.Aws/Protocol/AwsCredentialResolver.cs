using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Trigger.Aws.SecurityToken;

namespace Trigger.Aws.Protocol;

/// <summary>
/// Finds the credentials a request is signed with: the ones given explicitly, else AWSSDK.Core's
/// default credential chain. Every failure becomes one <see cref="AwsConfigurationException"/>
/// raised before the request is sent.
/// </summary>
internal sealed class AwsCredentialResolver
{
    private readonly AWSCredentials? _explicitCredentials;
    private readonly Func<CancellationToken, Task<AWSCredentials>> _defaultChain;
    private readonly string _serviceName;

    public AwsCredentialResolver(AWSCredentials? explicitCredentials, Func<CancellationToken, Task<AWSCredentials>>? defaultChain, string serviceName)
    {
        _explicitCredentials = explicitCredentials;
        _defaultChain = defaultChain ?? SdkDefaultChain;
        _serviceName = serviceName;
    }

    /// <summary>The credentials object to use (explicit or from the default chain), not yet resolved to keys.</summary>
    public async Task<AWSCredentials> ResolveSourceAsync(CancellationToken cancellationToken)
    {
        if (_explicitCredentials is not null)
        {
            return _explicitCredentials;
        }

        try
        {
            return await _defaultChain(cancellationToken);
        }
        catch (AmazonClientException exception)
        {
            throw new AwsConfigurationException(
                $"No AWS credentials found for the {_serviceName} client: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
                + "(plus AWS_SESSION_TOKEN for temporary keys), AWS_PROFILE, or run where a role is attached.",
                exception);
        }
    }

    /// <summary>The keys to sign one request with.</summary>
    public async Task<ImmutableCredentials> ResolveAsync(CancellationToken cancellationToken)
    {
        var source = await ResolveSourceAsync(cancellationToken);
        ImmutableCredentials? keys;
        try
        {
            keys = source is AssumeRoleCredentials assumed
                ? await assumed.GetCredentialsAsync(cancellationToken)
                : await source.GetCredentialsAsync().WaitAsync(cancellationToken);
        }
        catch (AmazonClientException exception)
        {
            throw new AwsConfigurationException(
                $"The AWS credentials for the {_serviceName} client could not be obtained ({source.GetType().Name}).",
                exception);
        }

        if (keys is null || string.IsNullOrEmpty(keys.AccessKey) || string.IsNullOrEmpty(keys.SecretKey))
        {
            throw new AwsConfigurationException(
                $"The AWS credentials for the {_serviceName} client are missing an access key id or a secret access key.");
        }

        return keys;
    }

    // AWSSDK.Core's chain: environment, profiles, container and instance roles (it caches by itself).
    private static Task<AWSCredentials> SdkDefaultChain(CancellationToken cancellationToken) =>
        DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null).WaitAsync(cancellationToken);
}
