namespace Trigger.Testing.Lambda;

/// <summary>The outcome of one invocation, as a Lambda Invoke caller would see it plus what the bridge measured.</summary>
public sealed record LambdaInvocation
{
    /// <summary>The request id handed to the runtime (<c>Lambda-Runtime-Aws-Request-Id</c>).</summary>
    public required string RequestId { get; init; }

    /// <summary>How the invocation ended.</summary>
    public required LambdaInvocationStatus Status { get; init; }

    /// <summary>
    /// The body a Lambda Invoke caller receives: the function's result when <see cref="Status"/> is
    /// <see cref="LambdaInvocationStatus.Succeeded"/>, otherwise the error document
    /// (<c>{"errorMessage": ..., "errorType": ...}</c>). After any Cognito-local shim.
    /// </summary>
    public required string Payload { get; init; }

    /// <summary>The error type (for example <c>Sandbox.Timedout</c>, <c>Runtime.ExitError</c>); null on success.</summary>
    public string? ErrorType { get; init; }

    /// <summary>The error message; null on success.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The deadline sent in <c>Lambda-Runtime-Deadline-Ms</c>; null when the runtime never took the event.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>True when this invocation started a runtime process (a cold start).</summary>
    public required bool ColdStart { get; init; }

    /// <summary>Time from the invoke call to its answer, as the caller saw it (a cold start included).</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>True for every status but <see cref="LambdaInvocationStatus.Succeeded"/>: Lambda's <c>X-Amz-Function-Error</c>.</summary>
    public bool IsFunctionError => Status != LambdaInvocationStatus.Succeeded;
}
