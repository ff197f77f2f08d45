using Amazon.Runtime;

namespace Trigger.Aws.Protocol;

/// <summary>
/// What every typed client over the JSON 1.1 protocol shares: one <see cref="AwsJsonClient"/> for its service,
/// built (and its options checked) when the client is, and the region and endpoint it calls. Only this
/// assembly's clients derive from it.
/// </summary>
public abstract class AwsJsonServiceClient
{
    private protected AwsJsonServiceClient(
        AwsServiceDescription service, AwsClientOptions options, Func<CancellationToken, Task<AWSCredentials>>? defaultCredentials)
    {
        Client = new AwsJsonClient(service, options, defaultCredentials);
    }

    /// <summary>The region calls are signed for.</summary>
    public string Region => Client.Region;

    /// <summary>The endpoint calls go to.</summary>
    public Uri Endpoint => Client.Endpoint;

    private protected AwsJsonClient Client { get; }
}
