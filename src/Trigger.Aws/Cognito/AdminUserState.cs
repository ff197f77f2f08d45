namespace Trigger.Aws.Cognito;

/// <summary>Sets some of a user's attributes; the others stay as they are.</summary>
public sealed record AdminUpdateUserAttributesRequest
{
    /// <summary>The pool.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>The user's username.</summary>
    public required string Username { get; init; }

    /// <summary>The attributes to set. Setting <c>email_verified</c>/<c>phone_number_verified</c> to true vouches for the address.</summary>
    public required IReadOnlyList<AttributeType> UserAttributes { get; init; }

    /// <summary>Passed to the pool's Lambda triggers.</summary>
    public IReadOnlyDictionary<string, string>? ClientMetadata { get; init; }
}

/// <summary>AdminUpdateUserAttributes answers with an empty object.</summary>
public sealed record AdminUpdateUserAttributesResponse;

/// <summary>Stops a user from signing in (AdminDisableUser) without deleting it.</summary>
public sealed record AdminDisableUserRequest
{
    /// <summary>The pool.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>The user's username.</summary>
    public required string Username { get; init; }
}

/// <summary>AdminDisableUser answers with an empty object.</summary>
public sealed record AdminDisableUserResponse;

/// <summary>Lets a disabled user sign in again (AdminEnableUser).</summary>
public sealed record AdminEnableUserRequest
{
    /// <summary>The pool.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>The user's username.</summary>
    public required string Username { get; init; }
}

/// <summary>AdminEnableUser answers with an empty object.</summary>
public sealed record AdminEnableUserResponse;

/// <summary>Deletes a user for good (AdminDeleteUser).</summary>
public sealed record AdminDeleteUserRequest
{
    /// <summary>The pool.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>The user's username.</summary>
    public required string Username { get; init; }
}

/// <summary>AdminDeleteUser answers with an empty object.</summary>
public sealed record AdminDeleteUserResponse;
