using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Trigger.Testing.Lambda;

// The Lambda Invoke API (POST /2015-03-31/functions/{FunctionName}/invocations, Lambda API reference,
// "Invoke") as cognito-local's AWS SDK calls it: 200 with the function's result, or 200 with
// X-Amz-Function-Error and the error document ("The status code in the API response doesn't reflect
// function errors"). Only synchronous RequestResponse invocations; the SDK's own errors are
// rest-json: x-amzn-ErrorType header plus {"Type", "message"}.
public sealed partial class LambdaRuntimeBridge
{
    private void MapInvokeApi(IEndpointRouteBuilder routes) =>
        routes.MapPost("/2015-03-31/functions/{functionName}/invocations", new RequestDelegate(InvokeApiAsync));

    private async Task InvokeApiAsync(HttpContext context)
    {
        var name = context.Request.RouteValues["functionName"] as string ?? string.Empty;
        if (!NamesThisFunction(name))
        {
            await WriteInvokeErrorAsync(context, StatusCodes.Status404NotFound, "ResourceNotFoundException", $"Function not found: {name}");
            return;
        }

        var invocationType = context.Request.Headers["X-Amz-Invocation-Type"].ToString();
        if (invocationType == "DryRun")
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        if (invocationType.Length > 0 && invocationType != "RequestResponse")
        {
            await WriteInvokeErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidParameterValueException",
                $"This local bridge serves only RequestResponse invocations, not {invocationType}.");
            return;
        }

        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            await WriteInvokeErrorAsync(context, StatusCodes.Status413PayloadTooLarge, "RequestTooLargeException",
                $"Request must be smaller than {MaxPayloadBytes} bytes for the InvokeFunction operation");
            return;
        }

        // An invoke without a payload hands the function an empty JSON object.
        var triggerEvent = InvocationEvent.TryParse(body.Length == 0 ? "{}"u8.ToArray() : body, out var problem);
        if (triggerEvent is null)
        {
            await WriteInvokeErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidRequestContentException",
                $"Could not parse request body into json: {problem}");
            return;
        }

        LambdaInvocation invocation;
        try
        {
            invocation = await InvokeAsync(triggerEvent, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (ObjectDisposedException)
        {
            await WriteInvokeErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "ServiceException", "The bridge is shutting down.");
            return;
        }

        var headers = context.Response.Headers;
        headers["x-amzn-RequestId"] = invocation.RequestId;
        headers["X-Amz-Executed-Version"] = "$LATEST";
        if (invocation.IsFunctionError)
        {
            headers["X-Amz-Function-Error"] = "Unhandled";
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(invocation.Payload, context.RequestAborted);
    }

    /// <summary>The plain name, <c>name:qualifier</c>, or a function ARN naming this function.</summary>
    private bool NamesThisFunction(string name)
    {
        var parts = name.Split(':');
        var functionName = parts[0] == "arn" && parts.Length >= 7 && parts[5] == "function" ? parts[6] : parts[0];
        return string.Equals(functionName, FunctionName, StringComparison.Ordinal);
    }

    private static Task WriteInvokeErrorAsync(HttpContext context, int status, string type, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["x-amzn-ErrorType"] = type;
        return context.Response.WriteAsync(LambdaErrorDocument.JsonObject(("Type", "User"), ("message", message)), context.RequestAborted);
    }
}
