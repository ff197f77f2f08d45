namespace Trigger.Function.Runtime;

/// <summary>What a handler answers: a JSON payload, or an error for the Runtime API's error call.</summary>
internal sealed record InvocationResult
{
    private InvocationResult(byte[]? payload, string? errorType, string? errorMessage)
    {
        Payload = payload;
        ErrorType = errorType;
        ErrorMessage = errorMessage;
    }

    /// <summary>The response JSON, or null for an error.</summary>
    public byte[]? Payload { get; }

    /// <summary>A short error type, e.g. <c>MalformedEvent</c>.</summary>
    public string? ErrorType { get; }

    /// <summary>A message that names what was wrong and carries no event content.</summary>
    public string? ErrorMessage { get; }

    public static InvocationResult Success(byte[] payload) => new(payload, null, null);

    public static InvocationResult Error(string type, string message) => new(null, type, message);
}
