namespace Trigger.Testing;

/// <summary>A user as AdminGetUser or ListUsers reports it.</summary>
/// <param name="Username">The username.</param>
/// <param name="UserStatus">CONFIRMED, FORCE_CHANGE_PASSWORD, RESET_REQUIRED, UNCONFIRMED, ...</param>
/// <param name="Enabled">False when disabled.</param>
/// <param name="Attributes">The user's attributes by name.</param>
public sealed record UserView(string Username, string UserStatus, bool Enabled, IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>An attribute's value, or null.</summary>
    public string? this[string attributeName] => Attributes.TryGetValue(attributeName, out var value) ? value : null;
}
