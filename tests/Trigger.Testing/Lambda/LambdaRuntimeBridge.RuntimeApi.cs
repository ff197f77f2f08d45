using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Trigger.Testing.Lambda;

// The Lambda Runtime API, version 2018-06-01, as the runtime process sees it. Paths, headers and
// status codes follow the AWS Lambda developer guide, "Using the Lambda runtime API for custom
// runtimes", and its OpenAPI file (runtime-api.zip): 202 for an accepted post, 400 InvalidRequestID
// for an unknown or already answered request id, 403 InvalidStateTransition for a call out of turn,
// 413 for a payload over 6 MB, 500 "container error, exit promptly".
public sealed partial class LambdaRuntimeBridge
{
    private const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    private void MapRuntimeApi(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/2018-06-01/runtime/invocation/next", new RequestDelegate(NextAsync));
        routes.MapPost("/2018-06-01/runtime/invocation/{requestId}/response", new RequestDelegate(ResponseAsync));
        routes.MapPost("/2018-06-01/runtime/invocation/{requestId}/error", new RequestDelegate(InvocationErrorAsync));
        routes.MapPost("/2018-06-01/runtime/init/error", new RequestDelegate(InitErrorAsync));
    }

    private async Task NextAsync(HttpContext context)
    {
        var runtime = Volatile.Read(ref _current);
        if (runtime is null)
        {
            await WriteRuntimeErrorAsync(context, StatusCodes.Status500InternalServerError, "Runtime.NoEnvironment",
                "No execution environment is running; exit.");
            return;
        }

        runtime.MarkNext();
        PendingInvocation pending;
        DateTimeOffset deadline;
        while (true)
        {
            try
            {
                // The long poll: held until the bridge has an event for this runtime.
                pending = await runtime.Events.Reader.ReadAsync(context.RequestAborted);
            }
            catch (ChannelClosedException)
            {
                await WriteRuntimeErrorAsync(context, StatusCodes.Status500InternalServerError, "Runtime.EnvironmentShutdown",
                    "The execution environment is being reset; exit.");
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (context.RequestAborted.IsCancellationRequested)
            {
                // The caller went away between taking and sending: keep the event for the next poll.
                runtime.Events.Writer.TryWrite(pending);
                return;
            }

            deadline = _time.GetUtcNow() + _options.Timeout;
            if (pending.TryTake(runtime, deadline))
            {
                break;
            }
        }

        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = pending.RequestId;
        headers["Lambda-Runtime-Deadline-Ms"] = deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = FunctionArn;
        headers["Lambda-Runtime-Trace-Id"] = NewTraceId(_time.GetUtcNow());
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(pending.EventBody, context.RequestAborted);
    }

    private async Task ResponseAsync(HttpContext context)
    {
        if (!TryFindAwaitingAnswer(context, out var pending))
        {
            await WriteInvalidRequestIdAsync(context);
            return;
        }

        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        pending.TakenBy?.MarkAnswer();
        if (body is null)
        {
            // Lambda fails the invocation when the function's response is over the limit.
            var message = $"Response payload size exceeded maximum allowed payload size ({MaxPayloadBytes} bytes).";
            pending.TryAnswer(new RuntimeAnswer(
                true, LambdaErrorDocument.Create("Function.ResponseSizeTooLarge", message), "Function.ResponseSizeTooLarge", message));
            await WriteRuntimeErrorAsync(context, StatusCodes.Status413PayloadTooLarge, "RequestEntityTooLarge",
                $"Exceeded maximum allowed payload size ({MaxPayloadBytes} bytes).");
            return;
        }

        if (!pending.TryAnswer(new RuntimeAnswer(false, Encoding.UTF8.GetString(body), null, null)))
        {
            await WriteInvalidRequestIdAsync(context);
            return;
        }

        await WriteAcceptedAsync(context);
    }

    private async Task InvocationErrorAsync(HttpContext context)
    {
        if (!TryFindAwaitingAnswer(context, out var pending))
        {
            await WriteInvalidRequestIdAsync(context);
            return;
        }

        var (document, type, message) = await ReadErrorPostAsync(context);
        pending.TakenBy?.MarkAnswer();
        if (!pending.TryAnswer(new RuntimeAnswer(true, document, type, message)))
        {
            await WriteInvalidRequestIdAsync(context);
            return;
        }

        await WriteAcceptedAsync(context);
    }

    private async Task InitErrorAsync(HttpContext context)
    {
        var runtime = Volatile.Read(ref _current);
        if (runtime is null || runtime.InitDone)
        {
            await WriteInvalidStateAsync(context, "init/error is accepted only before the runtime's first call to next.");
            return;
        }

        var (document, type, message) = await ReadErrorPostAsync(context);
        if (!runtime.TryReportInitError(document, type, message))
        {
            await WriteInvalidStateAsync(context, "init/error is accepted only once, before the runtime's first call to next.");
            return;
        }

        await WriteAcceptedAsync(context);
    }

    private bool TryFindAwaitingAnswer(HttpContext context, out PendingInvocation pending)
    {
        var requestId = context.Request.RouteValues["requestId"] as string ?? string.Empty;
        return _inFlight.TryGetValue(requestId, out pending!) && pending.Taken.IsCompleted && !pending.Answered.IsCompleted;
    }

    /// <summary>
    /// The error document to hand to the Invoke caller: the runtime's own body when it is one, else one
    /// built from the <c>Lambda-Runtime-Function-Error-Type</c> header, as Lambda does.
    /// </summary>
    private static async Task<(string Document, string Type, string? Message)> ReadErrorPostAsync(HttpContext context)
    {
        var headerType = context.Request.Headers[ErrorTypeHeader].ToString();
        var fallbackType = headerType.Length > 0 ? headerType : "Runtime.Unknown";
        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        var text = body is null ? null : Encoding.UTF8.GetString(body);
        var (type, message) = text is null ? (null, null) : LambdaErrorDocument.Read(text);
        if (type is null && message is null)
        {
            const string unreadable = "The runtime reported an error without a readable error document.";
            return (LambdaErrorDocument.Create(fallbackType, unreadable), fallbackType, unreadable);
        }

        return (text!, type ?? fallbackType, message);
    }

    /// <summary>The whole body, or null when it is over <see cref="MaxPayloadBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxPayloadBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Task WriteAcceptedAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("""{"status":"OK"}""", context.RequestAborted);
    }

    private static Task WriteInvalidRequestIdAsync(HttpContext context) =>
        WriteRuntimeErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidRequestID", "Invalid request ID");

    private static Task WriteInvalidStateAsync(HttpContext context, string message) =>
        WriteRuntimeErrorAsync(context, StatusCodes.Status403Forbidden, "InvalidStateTransition", message);

    private static Task WriteRuntimeErrorAsync(HttpContext context, int status, string type, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(LambdaErrorDocument.Create(type, message), context.RequestAborted);
    }

    /// <summary>An X-Ray trace header of the documented shape: <c>Root=1-{epoch hex}-{24 hex};Parent={16 hex};Sampled=0</c>.</summary>
    private static string NewTraceId(DateTimeOffset now)
    {
        var epoch = now.ToUnixTimeSeconds().ToString("x8", CultureInfo.InvariantCulture);
        var root = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var parent = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        return $"Root=1-{epoch}-{root};Parent={parent};Sampled=0";
    }
}
