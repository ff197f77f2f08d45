namespace Trigger.Testing;

/// <summary>An app client to create through <see cref="CognitoAdmin.CreateAppClientAsync"/>.</summary>
/// <param name="Name">The client name.</param>
public sealed record AppClientSpec(string Name)
{
    /// <summary>
    /// <c>ExplicitAuthFlows</c>. Default: admin and user password auth plus refresh, which the trigger's
    /// old-pool client and the new pool's migration-window client need. cognito-local ignores it.
    /// </summary>
    public IReadOnlyList<string> ExplicitAuthFlows { get; init; } =
        ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"];

    /// <summary><c>GenerateSecret</c>: the client gets a secret and sign-ins need SECRET_HASH.</summary>
    public bool GenerateSecret { get; init; }

    /// <summary><c>PreventUserExistenceErrors</c>: ENABLED or LEGACY; null leaves the default.</summary>
    public string? PreventUserExistenceErrors { get; init; }

    /// <summary>A custom list of attributes the client may write; null leaves Cognito's default (standard attributes).</summary>
    public IReadOnlyList<string>? WriteAttributes { get; init; }
}
