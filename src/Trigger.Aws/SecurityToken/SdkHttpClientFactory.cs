using Amazon.Runtime;
using Trigger.Aws.Protocol;

namespace Trigger.Aws.SecurityToken;

/// <summary>
/// Hands the SDK's STS client our HttpClient, or one on the process's shared handler, so STS calls
/// reuse the same connection pool as everything else instead of opening a pool of their own.
/// </summary>
internal sealed class SdkHttpClientFactory : HttpClientFactory
{
    private readonly HttpClient? _httpClient;

    public SdkHttpClientFactory(HttpClient? httpClient)
    {
        _httpClient = httpClient;
    }

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        _httpClient ?? new HttpClient(SharedHttp.Handler, disposeHandler: false);

    // The SDK keeps the client it got; it must not dispose a client or handler it does not own.
    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
}
