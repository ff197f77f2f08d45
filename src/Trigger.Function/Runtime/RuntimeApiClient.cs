using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Trigger.Function.Runtime;

/// <summary>
/// The Lambda Runtime API (2018-06-01) of a custom runtime: next, response, error, init error.
/// The <c>next</c> call has no timeout, as the AWS guide asks: the environment may freeze between events.
/// </summary>
internal sealed class RuntimeApiClient(HttpClient http, Uri baseAddress) : IRuntimeApi
{
    private const string Version = "2018-06-01";

    /// <summary>Creates a client for <c>host:port</c> as found in <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public static RuntimeApiClient Create(string runtimeApi)
    {
        if (!Uri.TryCreate($"http://{runtimeApi}/", UriKind.Absolute, out var baseAddress))
        {
            throw new ArgumentException($"AWS_LAMBDA_RUNTIME_API is not a host:port: '{runtimeApi}'.", nameof(runtimeApi));
        }

        var handler = new SocketsHttpHandler { UseProxy = false, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan };
        return new RuntimeApiClient(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, baseAddress);
    }

    /// <inheritdoc />
    public async Task<Invocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(baseAddress, $"{Version}/runtime/invocation/next"), cancellationToken);
        response.EnsureSuccessStatusCode();
        var requestId = Header(response, "Lambda-Runtime-Aws-Request-Id")
            ?? throw new InvalidOperationException("The Runtime API's next answer has no Lambda-Runtime-Aws-Request-Id.");
        var deadline = long.TryParse(Header(response, "Lambda-Runtime-Deadline-Ms"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTimeOffset.MaxValue;
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new Invocation(requestId, deadline, Header(response, "Lambda-Runtime-Trace-Id"), body);
    }

    /// <inheritdoc />
    public Task RespondAsync(string requestId, byte[] payload, CancellationToken cancellationToken) =>
        PostAsync($"{Version}/runtime/invocation/{Uri.EscapeDataString(requestId)}/response", new ByteArrayContent(payload), null, cancellationToken);

    /// <inheritdoc />
    public Task FailAsync(string requestId, string errorType, string errorMessage, CancellationToken cancellationToken) =>
        PostAsync($"{Version}/runtime/invocation/{Uri.EscapeDataString(requestId)}/error", ErrorBody(errorType, errorMessage), errorType, cancellationToken);

    /// <inheritdoc />
    public Task FailInitAsync(string errorType, string errorMessage, CancellationToken cancellationToken) =>
        PostAsync($"{Version}/runtime/init/error", ErrorBody(errorType, errorMessage), errorType, cancellationToken);

    private async Task PostAsync(string path, HttpContent content, string? errorType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, path)) { Content = content };
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation("Lambda-Runtime-Function-Error-Type", errorType);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.Accepted or HttpStatusCode.OK))
        {
            throw new HttpRequestException($"The Runtime API refused {path}: HTTP {(int)response.StatusCode}.");
        }
    }

    private static ByteArrayContent ErrorBody(string errorType, string errorMessage)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("errorType", errorType);
            writer.WriteString("errorMessage", errorMessage);
            writer.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = Encoding.UTF8.WebName };
        return content;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
