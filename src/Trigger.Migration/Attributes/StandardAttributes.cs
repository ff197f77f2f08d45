using Trigger.Contract;

namespace Trigger.Migration.Attributes;

/// <summary>
/// The standard attributes every user pool's schema has (OIDC claims), less <c>sub</c>, which Cognito
/// assigns itself: returning it makes sign-in fail with "Incorrect username or password".
/// </summary>
public static class StandardAttributes
{
    /// <summary>The writable standard attribute names.</summary>
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "address", "birthdate", "email", "email_verified", "family_name", "gender", "given_name",
        "locale", "middle_name", "name", "nickname", "phone_number", "phone_number_verified",
        "picture", "preferred_username", "profile", "updated_at", "website", "zoneinfo",
    };

    /// <summary>
    /// Names that must never be returned to Cognito, whatever the configuration says: Cognito owns
    /// them (<c>sub</c>, <c>cognito:*</c>, <c>identities</c>) or they are set only through the dedicated field.
    /// </summary>
    public static bool IsReserved(string name) => SettingValues.IsReservedAttribute(name);
}
