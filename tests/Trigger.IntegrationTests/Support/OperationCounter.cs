using System.Collections.Concurrent;

namespace Trigger.IntegrationTests.Support;

/// <summary>
/// Counts the HTTP requests a client sends, by operation (the part of <c>X-Amz-Target</c> after the
/// dot), so tests against cognito-local, which keeps no call log, can still count attempts and pages.
/// </summary>
internal sealed class OperationCounter : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public OperationCounter()
        : base(new SocketsHttpHandler())
    {
    }

    /// <summary>An HttpClient that sends through this counter (and disposes it with itself).</summary>
    public HttpClient CreateClient() => new(this, disposeHandler: true) { Timeout = TimeSpan.FromSeconds(30) };

    public int this[string operation] => _counts.TryGetValue(operation, out var count) ? count : 0;

    public int Total => _counts.Values.Sum();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.FirstOrDefault() ?? string.Empty : string.Empty;
        var operation = target[(target.LastIndexOf('.') + 1)..];
        _counts.AddOrUpdate(operation, 1, (_, count) => count + 1);
        return base.SendAsync(request, cancellationToken);
    }
}
