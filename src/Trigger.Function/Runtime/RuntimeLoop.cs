namespace Trigger.Function.Runtime;

/// <summary>
/// Fetches events one at a time and posts each answer. A handler that throws anyway is answered with a
/// generic error and the loop goes on: one bad event never takes the function down.
/// </summary>
/// <param name="runtimeApi">The Runtime API.</param>
/// <param name="handler">Answers each event.</param>
/// <param name="time">The clock that dates <see cref="Invocation.WaitingSince"/>.</param>
/// <param name="processStart">When the process started: the first event's caller may have waited since then.</param>
/// <param name="reportUnexpected">Told the exception type of a handler that threw.</param>
internal sealed class RuntimeLoop(
    IRuntimeApi runtimeApi, IInvocationHandler handler, TimeProvider time, DateTimeOffset processStart, Action<string> reportUnexpected)
{
    /// <summary>
    /// A first <c>next</c> answered within this found its event already queued: the invocation that caused
    /// the cold start, whose caller has waited through init. A longer wait means the environment was made
    /// ahead of the event (provisioned concurrency, a proactive init), so init did not count against it.
    /// Erring long only shortens the first budget; erring short would overrun Cognito's 5 seconds.
    /// </summary>
    public static readonly TimeSpan QueuedEventWait = TimeSpan.FromSeconds(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var first = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            var asked = time.GetTimestamp();
            var invocation = await runtimeApi.NextAsync(cancellationToken);
            var now = time.GetUtcNow();
            var waitingSince = first && time.GetElapsedTime(asked) <= QueuedEventWait && processStart < now ? processStart : now;
            invocation = invocation with { WaitingSince = waitingSince };
            first = false;

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
