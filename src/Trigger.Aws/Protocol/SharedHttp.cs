namespace Trigger.Aws.Protocol;

/// <summary>
/// The one pooled HTTP handler of the process. Connections are reused across clients and recycled
/// every few minutes so DNS changes are seen; it is created on first use and never changed.
/// </summary>
internal static class SharedHttp
{
    private static readonly Lazy<SocketsHttpHandler> _handler = new(() => new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        // A function without a route to AWS should fail fast rather than hang (a function in a VPC without a route or endpoint to Cognito otherwise waits until Lambda times it out).
        ConnectTimeout = TimeSpan.FromSeconds(5),
    });

    private static readonly Lazy<HttpClient> _client = new(() => new HttpClient(_handler.Value, disposeHandler: false));

    /// <summary>The shared client our own JSON clients send with.</summary>
    public static HttpClient Client => _client.Value;

    /// <summary>The shared handler, for clients (the SDK's) that build their own HttpClient on it.</summary>
    public static SocketsHttpHandler Handler => _handler.Value;
}
