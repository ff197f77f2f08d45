using Amazon.Runtime;

namespace Trigger.Aws.Protocol;

/// <summary>
/// An AWS SDK client built on its first use, once its credentials are resolved (explicit, or the default
/// chain, which may call out), and then kept: building at init would make a missing credential fail the
/// whole function instead of the one call that needs it.
/// </summary>
internal sealed class SdkClientOnFirstUse<TClient>(AwsCredentialResolver credentials, Func<AWSCredentials, TClient> create)
    where TClient : class
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TClient? _client;

    /// <summary>A client built around an existing one (a test's, or the ops tool's).</summary>
    public SdkClientOnFirstUse(TClient client)
        : this(new AwsCredentialResolver(null, null, typeof(TClient).Name), _ => client) => _client = client;

    public async Task<TClient> GetAsync(CancellationToken cancellationToken)
    {
        if (_client is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_client is null)
            {
                var source = await credentials.ResolveSourceAsync(cancellationToken);
                _client = create(source);
            }

            return _client;
        }
        finally
        {
            _gate.Release();
        }
    }
}
