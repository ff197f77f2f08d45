namespace Trigger.Migration.Ports;

/// <summary>
/// A user pool (the old one, or the new one for the PreSignUp guard) could not answer: throttled past
/// the retries, 5xx, network, timeout (<see cref="Transient"/>), or it refused the request itself: a
/// 4xx such as a filter over ListUsers' limits or a rejected client secret (not transient).
/// Adapters throw it instead of their own exceptions so the domain stays free of AWS types.
/// The message names the failure class only; it never carries a request, a password or a secret.
/// </summary>
public sealed class UserDirectoryUnavailableException : Exception
{
    /// <summary>Creates the exception with a reason such as <c>TooManyRequestsException</c>; transient.</summary>
    public UserDirectoryUnavailableException(string reason, Exception? innerException = null)
        : this(reason, transient: true, innerException)
    {
    }

    /// <summary>Creates the exception with a reason and whether asking again later could succeed.</summary>
    public UserDirectoryUnavailableException(string reason, bool transient, Exception? innerException = null)
        : base(transient ? $"The user pool could not answer: {reason}." : $"The user pool refused the request: {reason}.", innerException)
    {
        Reason = reason;
        Transient = transient;
    }

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

    /// <summary>
    /// True for throttling, 5xx, network failure or timeout: the pool was out of reach, so the PreSignUp
    /// guard may fail open. False when the pool answered and refused the request (a 4xx): nothing about
    /// the name is known, and the request itself may be the attack.
    /// </summary>
    public bool Transient { get; } = true;

    /// <summary>A short, secret-free reason such as an AWS error code.</summary>
    public string Reason { get; } = "unknown";
}
