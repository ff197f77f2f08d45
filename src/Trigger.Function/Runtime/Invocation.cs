namespace Trigger.Function.Runtime;

/// <summary>One event handed out by the Lambda Runtime API's <c>next</c> call.</summary>
/// <param name="RequestId">Lambda-Runtime-Aws-Request-Id.</param>
/// <param name="Deadline">Lambda-Runtime-Deadline-Ms, as a point in time.</param>
/// <param name="TraceId">Lambda-Runtime-Trace-Id, or null.</param>
/// <param name="Body">The event JSON. It may hold a password: never log it.</param>
internal sealed record Invocation(string RequestId, DateTimeOffset Deadline, string? TraceId, ReadOnlyMemory<byte> Body)
{
    /// <summary>
    /// Since when the caller has been waiting, as far as the runtime can tell: the process start for the
    /// event a cold start was made for (Cognito's clock ran during init), else when <c>next</c> handed the
    /// event out. Null when unknown: the budget then counts from its own start.
    /// </summary>
    public DateTimeOffset? WaitingSince { get; init; }
}
