using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime;
using Polly;

namespace Trigger.Aws.Protocol;

/// <summary>
/// The AWS JSON 1.1 protocol shared by our Cognito and Secrets Manager clients: POST to the
/// endpoint, <c>Content-Type: application/x-amz-json-1.1</c>, <c>X-Amz-Target: Prefix.Operation</c>,
/// signed per attempt, run through the resilience pipeline, errors mapped to typed exceptions.
/// Everything about the configuration is checked when the client is built.
/// </summary>
internal sealed class AwsJsonClient
{
    private const string ContentType = "application/x-amz-json-1.1";
    private static readonly MediaTypeHeaderValue _contentType = new(ContentType);

    private readonly AwsServiceDescription _service;
    private readonly HttpClient _http;
    private readonly ResiliencePipeline _pipeline;
    private readonly AwsRequestSigner _signer;

    public AwsJsonClient(AwsServiceDescription service, AwsClientOptions options, Func<CancellationToken, Task<AWSCredentials>>? defaultCredentials)
    {
        ArgumentNullException.ThrowIfNull(options);
        var environment = options.EnvironmentVariables ?? ProcessEnvironmentVariables.Instance;
        var timeProvider = options.TimeProvider ?? TimeProvider.System;

        _service = service;
        Region = AwsEndpoints.ResolveRegion(options.Region, environment, service);
        Endpoint = AwsEndpoints.ResolveEndpoint(service, Region, options.EndpointOverride, environment);
        _http = options.HttpClient ?? SharedHttp.Client;
        _pipeline = options.ResiliencePipeline ?? AwsResilience.CreatePipeline(timeProvider: timeProvider);
        _signer = new AwsRequestSigner(
            new AwsCredentialResolver(options.Credentials, defaultCredentials, service.DisplayName),
            Region,
            service.SigningName,
            timeProvider);
    }

    public string Region { get; }

    public Uri Endpoint { get; }

    /// <summary>
    /// Sends the request and reads the typed answer. <c>secrets</c> are the request's values that
    /// must never reach an exception message.
    /// </summary>
    public async Task<TResponse> SendAsync<TRequest, TResponse>(
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        IReadOnlyCollection<string> secrets,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        var answer = await SendRawAsync(operation, body, secrets, cancellationToken);
        try
        {
            return JsonSerializer.Deserialize(answer, responseType)
                ?? throw MalformedAnswer(operation, null);
        }
        catch (JsonException exception)
        {
            throw MalformedAnswer(operation, exception);
        }
    }

    /// <summary>Sends a body that is already JSON and returns the answer's bytes (<c>{}</c> when empty).</summary>
    public async Task<byte[]> SendRawAsync(string operation, byte[] body, IReadOnlyCollection<string> secrets, CancellationToken cancellationToken)
    {
        var call = new Call(this, operation, body, secrets);
        return await _pipeline.ExecuteAsync(
            static (call, token) => call.Client.SendOnceAsync(call, token),
            call,
            cancellationToken);
    }

    /// <summary>The error for a 2xx answer we cannot read; the parser's message only says where, not what.</summary>
    public AwsServiceException MalformedAnswer(string operation, JsonException? cause) =>
        new(
            $"{_service.DisplayName} {operation} returned an answer that is not the expected JSON"
                + (cause?.Path is { } path ? $" (at {path})." : "."),
            "MalformedResponse",
            System.Net.HttpStatusCode.OK,
            requestId: null);

    private async ValueTask<byte[]> SendOnceAsync(Call call, CancellationToken cancellationToken)
    {
        var target = _service.TargetPrefix + "." + call.Operation;
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new ByteArrayContent(call.Body),
        };
        request.Content.Headers.ContentType = _contentType;
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);

        await _signer.SignAsync(
            request,
            call.Body,
            [new("Content-Type", ContentType), new("X-Amz-Target", target)],
            cancellationToken);

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw AwsErrorResponse.ToException(_service, call.Operation, response, answer, call.Secrets);
        }

        return answer.Length == 0 ? "{}"u8.ToArray() : answer;
    }

    private sealed record Call(AwsJsonClient Client, string Operation, byte[] Body, IReadOnlyCollection<string> Secrets);
}
