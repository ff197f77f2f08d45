namespace Trigger.Function.Runtime;

/// <summary>
/// Fetches events one at a time and posts each answer. A handler that throws anyway is answered with a
/// generic error and the loop goes on: one bad event never takes the function down.
/// </summary>
internal sealed class RuntimeLoop(RuntimeApiClient runtimeApi, IInvocationHandler handler, Action<string> reportUnexpected)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var invocation = await runtimeApi.NextAsync(cancellationToken);

            // Lambda's own runtimes expose the trace header this way; provided.* runtimes must set it themselves.
            Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", invocation.TraceId);
            InvocationResult result;
            try
            {
                result = await handler.HandleAsync(invocation, cancellationToken);
            }
#pragma warning disable CA1031 // The loop must survive any handler bug; the type (not the message) is reported.
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                reportUnexpected(e.GetType().Name);
                result = InvocationResult.Error("InternalError", "The function failed unexpectedly.");
            }

            if (result.Payload is { } payload)
            {
                await runtimeApi.RespondAsync(invocation.RequestId, payload, cancellationToken);
            }
            else
            {
                await runtimeApi.FailAsync(invocation.RequestId, result.ErrorType!, result.ErrorMessage!, cancellationToken);
            }
        }
    }
}
