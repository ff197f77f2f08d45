using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Trigger.UnitTests.Aws;

/// <summary>What the loopback server received.</summary>
internal sealed record RecordedRequest(int Number, string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>What the loopback server answers; <see cref="Abort"/> breaks the connection mid-answer instead.</summary>
internal sealed record CannedResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, bool Abort = false)
{
    public static CannedResponse Json(string body) => new(200, body);

    public static CannedResponse AwsError(int status, string type, string message, string requestId = "req-0001") =>
        new(status, $$"""{"__type":"{{type}}","message":{{System.Text.Json.JsonSerializer.Serialize(message)}}}""",
            new Dictionary<string, string> { ["x-amzn-RequestId"] = requestId });

    public static CannedResponse Dropped { get; } = new(0, string.Empty, Abort: true);
}

/// <summary>
/// An HTTP server on 127.0.0.1 and a free port that plays an AWS endpoint: it records every request
/// and answers with what the test's handler returns.
/// </summary>
internal sealed class LoopbackAwsServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<RecordedRequest, CancellationToken, Task<CannedResponse>> _handler;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private int _count;

    private LoopbackAwsServer(HttpListener listener, Uri endpoint, Func<RecordedRequest, CancellationToken, Task<CannedResponse>> handler)
    {
        _listener = listener;
        Endpoint = endpoint;
        _handler = handler;
        _loop = Task.Run(AcceptAsync);
    }

    public Uri Endpoint { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests.OrderBy(r => r.Number)];

    public static LoopbackAwsServer Start(Func<RecordedRequest, CannedResponse> handler) =>
        Start((request, _) => Task.FromResult(handler(request)));

    public static LoopbackAwsServer Start(Func<RecordedRequest, CancellationToken, Task<CannedResponse>> handler)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new LoopbackAwsServer(listener, new Uri($"http://127.0.0.1:{port}/"), handler);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Answers the scripted responses in order, repeating the last one.</summary>
    public static LoopbackAwsServer Script(params CannedResponse[] responses) =>
        Start(request => responses[Math.Min(request.Number, responses.Length) - 1]);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
        {
        }

        _stopping.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in context.Request.Headers.AllKeys.OfType<string>())
            {
                headers[name] = context.Request.Headers[name] ?? string.Empty;
            }

            var recorded = new RecordedRequest(
                Interlocked.Increment(ref _count),
                context.Request.HttpMethod,
                context.Request.Url?.AbsolutePath ?? "/",
                headers,
                buffer.ToArray());
            _requests.Enqueue(recorded);

            var answer = await _handler(recorded, _stopping.Token);
            if (answer.Abort)
            {
                // Promise a body, send a little of it, then cut the connection: a reset mid-answer.
                context.Response.ContentLength64 = 1000;
                await context.Response.OutputStream.WriteAsync("{\"Us"u8.ToArray());
                await context.Response.OutputStream.FlushAsync();
                context.Response.Abort();
                return;
            }

            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = "application/x-amz-json-1.1";
            foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            var body = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or IOException or OperationCanceledException or InvalidOperationException)
        {
            // The client went away (cancelled, timed out) or the server is stopping.
        }
    }
}
