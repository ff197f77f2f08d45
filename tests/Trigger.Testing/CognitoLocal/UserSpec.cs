namespace Trigger.Testing;

/// <summary>A user to create through <see cref="CognitoAdmin.CreateUserAsync"/>. <see cref="ToString"/> never shows the password.</summary>
/// <param name="Username">The username.</param>
/// <param name="Password">The permanent (Confirmed) or temporary (ForceChangePassword) password.</param>
public sealed record UserSpec(string Username, string Password)
{
    /// <summary>The final status. Default Confirmed.</summary>
    public SeededUserStatus Status { get; init; } = SeededUserStatus.Confirmed;

    /// <summary>False: AdminDisableUser after creation.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The <c>email</c> attribute.</summary>
    public string? Email { get; init; }

    /// <summary><c>email_verified</c>, written only when <see cref="Email"/> is set.</summary>
    public bool EmailVerified { get; init; } = true;

    /// <summary>The <c>phone_number</c> attribute (E.164, e.g. +15555550100).</summary>
    public string? PhoneNumber { get; init; }

    /// <summary><c>phone_number_verified</c>, written only when <see cref="PhoneNumber"/> is set.</summary>
    public bool PhoneNumberVerified { get; init; } = true;

    /// <summary>The <c>preferred_username</c> attribute.</summary>
    public string? PreferredUsername { get; init; }

    /// <summary>Any further attributes by name, e.g. <c>["custom:legacy_id"] = "42"</c>, <c>["given_name"] = "Ada"</c>.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>The username and state; never the password.</summary>
    public override string ToString() => $"UserSpec {{ Username = {Username}, Status = {Status}, Enabled = {Enabled} }}";
}
