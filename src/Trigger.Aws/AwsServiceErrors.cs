using System.Net;

namespace Trigger.Aws;

/// <summary>The caller or the user is not allowed: wrong password, disabled user, "Password attempts exceeded", or a bad SECRET_HASH. Never retried: each retry of a wrong password is another failed attempt on the pool.</summary>
public sealed class NotAuthorizedException : AwsServiceException
{
    /// <summary>Creates the exception, for example from a test double, with status 400.</summary>
    /// <param name="message">A description of the failure; must not contain a secret.</param>
    public NotAuthorizedException(string message)
        : base(message, nameof(NotAuthorizedException), HttpStatusCode.BadRequest, requestId: null) =>
        SecretHashRejected = NamesSecretHash(message);

    /// <summary>Creates the exception with the status and request id of the service's answer.</summary>
    /// <param name="message">A description of the failure; must not contain a secret.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="requestId">The <c>x-amzn-RequestId</c> of the answer.</param>
    public NotAuthorizedException(string message, HttpStatusCode statusCode, string? requestId)
        : base(message, nameof(NotAuthorizedException), statusCode, requestId) =>
        SecretHashRejected = NamesSecretHash(message);

    /// <summary>
    /// True when the pool rejected the SECRET_HASH ("Unable to verify secret hash for client ..."), not the
    /// password. Read from the service's own text before anything was redacted from it, so a user named
    /// <c>hash</c> (whose name is cut out of the message) cannot hide it.
    /// </summary>
    public bool SecretHashRejected { get; internal set; }

    internal static bool NamesSecretHash(string? serviceMessage) =>
        serviceMessage?.Contains("secret hash", StringComparison.OrdinalIgnoreCase) == true;
}

/// <summary>No user with that name exists in the pool.</summary>
public sealed class UserNotFoundException : AwsServiceException
{
    /// <summary>Creates the exception, for example from a test double, with status 400.</summary>
    /// <param name="message">A description of the failure; must not contain a secret.</param>
    public UserNotFoundException(string message)
        : base(message, nameof(UserNotFoundException), HttpStatusCode.BadRequest, requestId: null)
    {
    }

    /// <summary>Creates the exception with the status and request id of the service's answer.</summary>
    /// <param name="message">A description of the failure; must not contain a secret.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="requestId">The <c>x-amzn-RequestId</c> of the answer.</param>
    public UserNotFoundException(string message, HttpStatusCode statusCode, string? requestId)
        : base(message, nameof(UserNotFoundException), statusCode, requestId)
    {
    }
}

/// <summary>The user exists but never confirmed the sign-up.</summary>
public sealed class UserNotConfirmedException : AwsServiceException
{
    /// <summary>Creates the exception, for example from a test double, with status 400.</summary>
    /// <param name="message">A description of the failure; must not contain a secret.</param>
    public UserNotConfirmedException(string message)
        : base(message, nameof(UserNotConfirmedException), HttpStatusCode.BadRequest, requestId: null)
    {
    }

    /// <summary>Creates the exception with the status and request id of the service's answer.</summary>
    /// <param name="message">A description of the failure; must not contain a secret.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="requestId">The <c>x-amzn-RequestId</c> of the answer.</param>
    public UserNotConfirmedException(string message, HttpStatusCode statusCode, string? requestId)
        : base(message, nameof(UserNotConfirmedException), statusCode, requestId)
    {
    }
}

/// <summary>The user must reset the password before signing in (status RESET_REQUIRED).</summary>
public sealed class PasswordResetRequiredException : AwsServiceException
{
    /// <summary>Creates the exception, for example from a test double, with status 400.</summary>
    /// <param name="message">A description of the failure; must not contain a secret.</param>
    public PasswordResetRequiredException(string message)
        : base(message, nameof(PasswordResetRequiredException), HttpStatusCode.BadRequest, requestId: null)
    {
    }

    /// <summary>Creates the exception with the status and request id of the service's answer.</summary>
    /// <param name="message">A description of the failure; must not contain a secret.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="requestId">The <c>x-amzn-RequestId</c> of the answer.</param>
    public PasswordResetRequiredException(string message, HttpStatusCode statusCode, string? requestId)
        : base(message, nameof(PasswordResetRequiredException), statusCode, requestId)
    {
    }
}

/// <summary>A Cognito quota was exceeded; retried with backoff by <see cref="AwsResilience"/>.</summary>
public sealed class TooManyRequestsException : AwsServiceException
{
    /// <summary>Creates the exception, for example from a test double, with status 400.</summary>
    /// <param name="message">A description of the failure; must not contain a secret.</param>
    public TooManyRequestsException(string message)
        : base(message, nameof(TooManyRequestsException), HttpStatusCode.BadRequest, requestId: null)
    {
    }

    /// <summary>Creates the exception with the status and request id of the service's answer.</summary>
    /// <param name="message">A description of the failure; must not contain a secret.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="requestId">The <c>x-amzn-RequestId</c> of the answer.</param>
    public TooManyRequestsException(string message, HttpStatusCode statusCode, string? requestId)
        : base(message, nameof(TooManyRequestsException), statusCode, requestId)
    {
    }
}

/// <summary>The service rejected a parameter of the request.</summary>
public sealed class InvalidParameterException : AwsServiceException
{
    /// <summary>Creates the exception, for example from a test double, with status 400.</summary>
    /// <param name="message">A description of the failure; must not contain a secret.</param>
    public InvalidParameterException(string message)
        : base(message, nameof(InvalidParameterException), HttpStatusCode.BadRequest, requestId: null)
    {
    }

    /// <summary>Creates the exception with the status and request id of the service's answer.</summary>
    /// <param name="message">A description of the failure; must not contain a secret.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="requestId">The <c>x-amzn-RequestId</c> of the answer.</param>
    public InvalidParameterException(string message, HttpStatusCode statusCode, string? requestId)
        : base(message, nameof(InvalidParameterException), statusCode, requestId)
    {
    }
}

/// <summary>The pool, client, secret or job named in the request does not exist.</summary>
public sealed class ResourceNotFoundException : AwsServiceException
{
    /// <summary>Creates the exception, for example from a test double, with status 400.</summary>
    /// <param name="message">A description of the failure; must not contain a secret.</param>
    public ResourceNotFoundException(string message)
        : base(message, nameof(ResourceNotFoundException), HttpStatusCode.BadRequest, requestId: null)
    {
    }

    /// <summary>Creates the exception with the status and request id of the service's answer.</summary>
    /// <param name="message">A description of the failure; must not contain a secret.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="requestId">The <c>x-amzn-RequestId</c> of the answer.</param>
    public ResourceNotFoundException(string message, HttpStatusCode statusCode, string? requestId)
        : base(message, nameof(ResourceNotFoundException), statusCode, requestId)
    {
    }
}

/// <summary>A per-resource limit was hit (for example too many reset attempts); not retried because waiting seconds does not help.</summary>
public sealed class LimitExceededException : AwsServiceException
{
    /// <summary>Creates the exception, for example from a test double, with status 400.</summary>
    /// <param name="message">A description of the failure; must not contain a secret.</param>
    public LimitExceededException(string message)
        : base(message, nameof(LimitExceededException), HttpStatusCode.BadRequest, requestId: null)
    {
    }

    /// <summary>Creates the exception with the status and request id of the service's answer.</summary>
    /// <param name="message">A description of the failure; must not contain a secret.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="requestId">The <c>x-amzn-RequestId</c> of the answer.</param>
    public LimitExceededException(string message, HttpStatusCode statusCode, string? requestId)
        : base(message, nameof(LimitExceededException), statusCode, requestId)
    {
    }
}

/// <summary>A user with that name, or with an alias that is taken, already exists in the pool.</summary>
public sealed class UsernameExistsException : AwsServiceException
{
    /// <summary>Creates the exception, for example from a test double, with status 400.</summary>
    /// <param name="message">A description of the failure; must not contain a secret.</param>
    public UsernameExistsException(string message)
        : base(message, nameof(UsernameExistsException), HttpStatusCode.BadRequest, requestId: null)
    {
    }

    /// <summary>Creates the exception with the status and request id of the service's answer.</summary>
    /// <param name="message">A description of the failure; must not contain a secret.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="requestId">The <c>x-amzn-RequestId</c> of the answer.</param>
    public UsernameExistsException(string message, HttpStatusCode statusCode, string? requestId)
        : base(message, nameof(UsernameExistsException), statusCode, requestId)
    {
    }
}

/// <summary>The password does not satisfy the pool's password policy.</summary>
public sealed class InvalidPasswordException : AwsServiceException
{
    /// <summary>Creates the exception, for example from a test double, with status 400.</summary>
    /// <param name="message">A description of the failure; must not contain a secret.</param>
    public InvalidPasswordException(string message)
        : base(message, nameof(InvalidPasswordException), HttpStatusCode.BadRequest, requestId: null)
    {
    }

    /// <summary>Creates the exception with the status and request id of the service's answer.</summary>
    /// <param name="message">A description of the failure; must not contain a secret.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="requestId">The <c>x-amzn-RequestId</c> of the answer.</param>
    public InvalidPasswordException(string message, HttpStatusCode statusCode, string? requestId)
        : base(message, nameof(InvalidPasswordException), statusCode, requestId)
    {
    }
}

/// <summary>A group of that name already exists in the pool (CreateGroup).</summary>
public sealed class GroupExistsException : AwsServiceException
{
    /// <summary>Creates the exception, for example from a test double, with status 400.</summary>
    /// <param name="message">A description of the failure; must not contain a secret.</param>
    public GroupExistsException(string message)
        : base(message, nameof(GroupExistsException), HttpStatusCode.BadRequest, requestId: null)
    {
    }

    /// <summary>Creates the exception with the status and request id of the service's answer.</summary>
    /// <param name="message">A description of the failure; must not contain a secret.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="requestId">The <c>x-amzn-RequestId</c> of the answer.</param>
    public GroupExistsException(string message, HttpStatusCode statusCode, string? requestId)
        : base(message, nameof(GroupExistsException), statusCode, requestId)
    {
    }
}
