using Trigger.Aws.Cognito;

namespace Trigger.Cli.Commands.Plan;

/// <summary>
/// Which sign-in flows of an app client hand Cognito the plaintext password, the only ones that can
/// reach the UserMigration trigger (an SRP sign-in never does). Legacy names without <c>ALLOW_</c>
/// count too (Cognito API reference, ExplicitAuthFlowsType).
/// </summary>
internal static class AuthFlows
{
    // Cognito's default when a client sets no ExplicitAuthFlows (API reference, CreateUserPoolClient).
    private static readonly string[] _defaultFlows = ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH"];

    /// <summary>The client's flows, or Cognito's default set when it lists none.</summary>
    public static IReadOnlyList<string> Of(UserPoolClientType client) =>
        client.ExplicitAuthFlows is { Count: > 0 } flows ? flows : _defaultFlows;

    /// <summary>USER_PASSWORD_AUTH: an app sends the password itself.</summary>
    public static bool AllowsUserPassword(UserPoolClientType client) =>
        Of(client).Any(f => f is "ALLOW_USER_PASSWORD_AUTH" or "USER_PASSWORD_AUTH");

    /// <summary>ADMIN_USER_PASSWORD_AUTH: a backend sends the password with AdminInitiateAuth (also what the trigger uses on the old pool).</summary>
    public static bool AllowsAdminPassword(UserPoolClientType client) =>
        Of(client).Any(f => f is "ALLOW_ADMIN_USER_PASSWORD_AUTH" or "ADMIN_NO_SRP_AUTH");

    /// <summary>True when sign-ins through this client can fire the UserMigration trigger.</summary>
    public static bool ReachesTrigger(UserPoolClientType client) => AllowsUserPassword(client) || AllowsAdminPassword(client);
}
