namespace Trigger.Aws.Cognito;

/// <summary>Reads one user by username (or, in some pools, by alias).</summary>
public sealed record AdminGetUserRequest
{
    /// <summary>The pool.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>The user's username.</summary>
    public required string Username { get; init; }
}

/// <summary>One user, as AdminGetUser returns it.</summary>
public sealed record AdminGetUserResponse
{
    /// <summary>The user's username.</summary>
    public string? Username { get; init; }

    /// <summary>The user's attributes.</summary>
    public IReadOnlyList<AttributeType>? UserAttributes { get; init; }

    /// <summary>When the user was created.</summary>
    public DateTimeOffset? UserCreateDate { get; init; }

    /// <summary>When the user was last changed.</summary>
    public DateTimeOffset? UserLastModifiedDate { get; init; }

    /// <summary>Whether the user may sign in.</summary>
    public bool? Enabled { get; init; }

    /// <summary>One of <see cref="UserStatusType"/>.</summary>
    public string? UserStatus { get; init; }

    /// <summary>Legacy SMS MFA settings.</summary>
    public IReadOnlyList<MFAOptionType>? MFAOptions { get; init; }

    /// <summary>The preferred MFA method, for example <c>SMS_MFA</c>.</summary>
    public string? PreferredMfaSetting { get; init; }

    /// <summary>The MFA methods the user has activated.</summary>
    public IReadOnlyList<string>? UserMFASettingList { get; init; }
}
