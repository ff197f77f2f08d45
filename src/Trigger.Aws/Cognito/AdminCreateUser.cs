using System.Text;

namespace Trigger.Aws.Cognito;

/// <summary>Creates a user as an administrator (the sweep's way of creating stragglers).</summary>
public sealed record AdminCreateUserRequest
{
    /// <summary>The pool.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>The new user's username.</summary>
    public required string Username { get; init; }

    /// <summary>The new user's attributes; never <c>sub</c> or <c>cognito:*</c>.</summary>
    public IReadOnlyList<AttributeType>? UserAttributes { get; init; }

    /// <summary>Data for the pool's pre-sign-up trigger.</summary>
    public IReadOnlyList<AttributeType>? ValidationData { get; init; }

    /// <summary>A temporary password; null lets Cognito generate one. Secret.</summary>
    public string? TemporaryPassword { get; init; }

    /// <summary>Whether to move a taken alias (email, phone) to this user.</summary>
    public bool? ForceAliasCreation { get; init; }

    /// <summary><c>SUPPRESS</c> sends no invitation; <c>RESEND</c> resends one.</summary>
    public string? MessageAction { get; init; }

    /// <summary><c>EMAIL</c> and/or <c>SMS</c>.</summary>
    public IReadOnlyList<string>? DesiredDeliveryMediums { get; init; }

    /// <summary>Passed to the pool's Lambda triggers.</summary>
    public IReadOnlyDictionary<string, string>? ClientMetadata { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("UserPoolId = ").Append(UserPoolId)
            .Append(", Username = ").Append(Username)
            .Append(", MessageAction = ").Append(MessageAction)
            .Append(", TemporaryPassword = ").Append(TemporaryPassword is null ? "null" : "[redacted]");
        return true;
    }
}

/// <summary>The user AdminCreateUser created.</summary>
public sealed record AdminCreateUserResponse
{
    /// <summary>The new user.</summary>
    public UserType? User { get; init; }
}
