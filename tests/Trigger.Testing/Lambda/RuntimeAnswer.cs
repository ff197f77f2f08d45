namespace Trigger.Testing.Lambda;

/// <summary>What the runtime posted for an invocation: a response, or an error document.</summary>
/// <param name="IsError">True for an <c>/error</c> post (or a refused response).</param>
/// <param name="Body">The response payload, or the error document.</param>
/// <param name="ErrorType">The error type; null for a response.</param>
/// <param name="ErrorMessage">The error message; null for a response.</param>
internal sealed record RuntimeAnswer(bool IsError, string Body, string? ErrorType, string? ErrorMessage);
