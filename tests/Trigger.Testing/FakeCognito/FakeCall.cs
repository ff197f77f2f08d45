namespace Trigger.Testing;

/// <summary>
/// One call the fake received, for assertions: operation, arrival time (fake's TimeProvider), the
/// request as JSON with passwords, secrets, SECRET_HASH, tokens and sessions replaced by
/// <c>"***"</c>, whether an Authorization header came with it, and how it ended.
/// </summary>
/// <param name="Operation">E.g. <c>AdminInitiateAuth</c>, <c>GetSecretValue</c>, <c>PutImportFile</c>.</param>
/// <param name="Timestamp">When it arrived.</param>
/// <param name="RequestSummary">The redacted request JSON.</param>
/// <param name="HadAuthorization">True when an Authorization header was present (its signature is never checked).</param>
/// <param name="StatusCode">The HTTP status answered; null while in flight; 499 when the caller gave up first.</param>
/// <param name="ErrorType">The error type answered, or null on success.</param>
public sealed record FakeCall(
    string Operation,
    DateTimeOffset Timestamp,
    string RequestSummary,
    bool HadAuthorization,
    int? StatusCode,
    string? ErrorType);
