namespace Trigger.Testing.Lambda;

/// <summary>Why a runtime process became unusable: it posted an init error, or it exited.</summary>
/// <param name="InitErrorBody">The init error document the runtime posted; null when it exited instead.</param>
/// <param name="InitErrorType">The init error's type; null when it exited instead.</param>
/// <param name="InitErrorMessage">The init error's message; null when it exited instead.</param>
/// <param name="ExitCode">The process exit code; null for an init error.</param>
internal sealed record RuntimeFailure(string? InitErrorBody, string? InitErrorType, string? InitErrorMessage, int? ExitCode)
{
    /// <summary>The document an Invoke caller receives for this failure, worded as Lambda words it.</summary>
    public (string Type, string Message, string Body) Describe(string requestId)
    {
        if (InitErrorBody is not null)
        {
            var type = InitErrorType ?? "Runtime.Unknown";
            var message = InitErrorMessage ?? "The runtime reported an init error without a message.";
            return (type, message, InitErrorBody);
        }

        var exitMessage = $"RequestId: {requestId} Error: Runtime exited with error: exit status {ExitCode}";
        return ("Runtime.ExitError", exitMessage, LambdaErrorDocument.Create("Runtime.ExitError", exitMessage));
    }
}
