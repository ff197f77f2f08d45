namespace Trigger.Migration.Ports;

/// <summary>A user as the old pool knows them.</summary>
/// <param name="Username">The old pool's username (never an alias).</param>
/// <param name="Attributes">Every attribute the old pool returned, <c>sub</c> included.</param>
/// <param name="Status">The old <c>UserStatus</c>: CONFIRMED, FORCE_CHANGE_PASSWORD, RESET_REQUIRED, UNCONFIRMED, ...</param>
/// <param name="Enabled">False for a disabled user; null when the old pool's record did not say (unknown, never taken as enabled).</param>
/// <param name="MfaMethods">The MFA methods the user has set up, e.g. SMS_MFA, SOFTWARE_TOKEN_MFA.</param>
public sealed record OldUser(
    string Username,
    IReadOnlyDictionary<string, string> Attributes,
    string Status,
    bool? Enabled,
    IReadOnlyList<string> MfaMethods)
{
    /// <summary>The value of <paramref name="name"/>, or null.</summary>
    public string? Attribute(string name) => Attributes.TryGetValue(name, out var value) ? value : null;

    /// <summary>True when the old pool marked the email as verified and the user has one.</summary>
    public bool HasVerifiedEmail => IsTrue("email_verified") && !string.IsNullOrEmpty(Attribute("email"));

    /// <summary>True when the old pool marked the phone as verified and the user has one.</summary>
    public bool HasVerifiedPhone => IsTrue("phone_number_verified") && !string.IsNullOrEmpty(Attribute("phone_number"));

    /// <summary>True when a code can be sent to the user: a verified email or phone.</summary>
    public bool HasVerifiedContact => HasVerifiedEmail || HasVerifiedPhone;

    private bool IsTrue(string name) => string.Equals(Attribute(name), "true", StringComparison.OrdinalIgnoreCase);
}
