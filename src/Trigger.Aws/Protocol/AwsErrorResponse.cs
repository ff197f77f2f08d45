using System.Net;
using System.Text;
using System.Text.Json;

namespace Trigger.Aws.Protocol;

/// <summary>
/// Turns an AWS JSON-protocol error answer into a typed exception. The code comes from the
/// <c>x-amzn-ErrorType</c> header, else the body's <c>code</c> or <c>__type</c>, with any
/// <c>namespace#</c> prefix and <c>:suffix</c> removed (Smithy awsJson1_1 error rules). Bodies that
/// are not JSON (a proxy's HTML 502) still give an exception with the status and request id.
/// </summary>
internal static class AwsErrorResponse
{
    public static AwsServiceException ToException(
        AwsServiceDescription service,
        string operation,
        HttpResponseMessage response,
        byte[] body,
        IReadOnlyCollection<string> secrets)
    {
        var requestId = SafeToken(Header(response, "x-amzn-RequestId") ?? Header(response, "x-amz-request-id"));
        var (bodyCode, serviceMessage) = ReadBody(body);
        var code = SafeToken(Sanitize(Header(response, "x-amzn-ErrorType") ?? bodyCode));
        var safeMessage = ServiceMessageRedaction.Redact(serviceMessage, secrets);

        var text = new StringBuilder()
            .Append(service.DisplayName).Append(' ').Append(operation).Append(" failed with ")
            .Append(code ?? "no error code")
            .Append(" (HTTP ").Append((int)response.StatusCode);
        if (requestId is not null)
        {
            text.Append(", request id ").Append(requestId);
        }

        text.Append(')');
        if (safeMessage is not null)
        {
            text.Append(": ").Append(safeMessage);
        }

        var exception = Create(code, text.ToString(), response.StatusCode, requestId);
        if (exception is NotAuthorizedException notAuthorized)
        {
            // Judged on the service's own words: redaction may have cut "hash" out (a user named "hash").
            notAuthorized.SecretHashRejected = NotAuthorizedException.NamesSecretHash(serviceMessage);
        }

        return exception;
    }

    /// <summary>The typed exception for <paramref name="code"/>; the base type for codes we do not single out.</summary>
    public static AwsServiceException Create(string? code, string message, HttpStatusCode status, string? requestId) => code switch
    {
        nameof(NotAuthorizedException) => new NotAuthorizedException(message, status, requestId),
        nameof(UserNotFoundException) => new UserNotFoundException(message, status, requestId),
        nameof(UserNotConfirmedException) => new UserNotConfirmedException(message, status, requestId),
        nameof(PasswordResetRequiredException) => new PasswordResetRequiredException(message, status, requestId),
        nameof(TooManyRequestsException) => new TooManyRequestsException(message, status, requestId),
        nameof(InvalidParameterException) => new InvalidParameterException(message, status, requestId),
        nameof(ResourceNotFoundException) => new ResourceNotFoundException(message, status, requestId),
        nameof(LimitExceededException) => new LimitExceededException(message, status, requestId),
        nameof(UsernameExistsException) => new UsernameExistsException(message, status, requestId),
        nameof(InvalidPasswordException) => new InvalidPasswordException(message, status, requestId),
        nameof(GroupExistsException) => new GroupExistsException(message, status, requestId),
        _ => new AwsServiceException(message, code, status, requestId),
    };

    /// <summary>"aws.protocoltests#FooError:http://internal..." becomes "FooError".</summary>
    internal static string? Sanitize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var code = raw.Trim();
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        return code.Length == 0 ? null : code;
    }

    private static (string? Code, string? Message) ReadBody(byte[] body)
    {
        var span = body.AsSpan().Trim(" \t\r\n"u8);
        if (span.Length == 0 || span[0] != (byte)'{')
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var code = String(root, "code") ?? String(root, "__type") ?? String(root, "Code");
            var message = String(root, "message") ?? String(root, "Message") ?? String(root, "errorMessage");
            return (code, message);
        }
        catch (JsonException)
        {
            // Not JSON after all: the status code and request id still say what happened.
            return (null, null);
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    // Codes and request ids are identifiers; anything else in those places is dropped, not echoed.
    private static string? SafeToken(string? value) =>
        value is { Length: > 0 and <= 128 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? value
            : null;
}
