namespace Trigger.Aws.Cognito;

/// <summary>A user as ListUsers and AdminCreateUser return it.</summary>
public sealed record UserType
{
    /// <summary>The user's username (for pools with email as username, a UUID-like name).</summary>
    public string? Username { get; init; }

    /// <summary>The user's attributes, <c>sub</c> included.</summary>
    public IReadOnlyList<AttributeType>? Attributes { get; init; }

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
}

/// <summary>One user attribute.</summary>
public sealed record AttributeType
{
    /// <summary>The attribute's name, for example <c>email</c> or <c>custom:tenant</c>.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The attribute's value.</summary>
    public string? Value { get; init; }
}

/// <summary>A legacy SMS MFA setting of a user.</summary>
public sealed record MFAOptionType
{
    /// <summary><c>SMS</c> or <c>EMAIL</c>.</summary>
    public string? DeliveryMedium { get; init; }

    /// <summary>The attribute the code goes to, for example <c>phone_number</c>.</summary>
    public string? AttributeName { get; init; }
}
