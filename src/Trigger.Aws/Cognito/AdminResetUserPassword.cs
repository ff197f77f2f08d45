namespace Trigger.Aws.Cognito;

/// <summary>Puts a user into RESET_REQUIRED and sends a code to a verified contact.</summary>
public sealed record AdminResetUserPasswordRequest
{
    /// <summary>The pool.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>The user's username.</summary>
    public required string Username { get; init; }

    /// <summary>Passed to the pool's Lambda triggers.</summary>
    public IReadOnlyDictionary<string, string>? ClientMetadata { get; init; }
}

/// <summary>AdminResetUserPassword answers with an empty object.</summary>
public sealed record AdminResetUserPasswordResponse;
