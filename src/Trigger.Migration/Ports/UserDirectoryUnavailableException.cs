namespace Trigger.Migration.Ports;

/// <summary>
/// A user pool (the old one, or the new one for the PreSignUp guard) could not answer: throttled past
/// the retries, 5xx, network, a rejected client secret.
/// Adapters throw it instead of their own exceptions so the domain stays free of AWS types.
/// The message names the failure class only; it never carries a request, a password or a secret.
/// </summary>
public sealed class UserDirectoryUnavailableException : Exception
{
    /// <summary>Creates the exception with a reason such as <c>TooManyRequestsException</c>.</summary>
    public UserDirectoryUnavailableException(string reason, Exception? innerException = null)
        : base($"The user pool could not answer: {reason}.", innerException) => Reason = reason;

    /// <summary>Creates the exception with a generic reason.</summary>
    public UserDirectoryUnavailableException()
        : this("unknown")
    {
    }

    /// <summary>Creates the exception with a reason and no cause.</summary>
    public UserDirectoryUnavailableException(string reason)
        : this(reason, null)
    {
    }

    /// <summary>A short, secret-free reason such as an AWS error code.</summary>
    public string Reason { get; } = "unknown";
}
