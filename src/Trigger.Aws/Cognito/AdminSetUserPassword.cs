using System.Text;

namespace Trigger.Aws.Cognito;

/// <summary>Sets a user's password as an administrator.</summary>
public sealed record AdminSetUserPasswordRequest
{
    /// <summary>The pool.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>The user's username.</summary>
    public required string Username { get; init; }

    /// <summary>The new password. Secret.</summary>
    public required string Password { get; init; }

    /// <summary>True: the user is CONFIRMED with this password; false: FORCE_CHANGE_PASSWORD.</summary>
    public bool Permanent { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("UserPoolId = ").Append(UserPoolId)
            .Append(", Username = ").Append(Username)
            .Append(", Password = [redacted], Permanent = ").Append(Permanent);
        return true;
    }
}

/// <summary>AdminSetUserPassword answers with an empty object.</summary>
public sealed record AdminSetUserPasswordResponse;
