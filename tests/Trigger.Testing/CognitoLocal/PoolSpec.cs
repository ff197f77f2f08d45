namespace Trigger.Testing;

/// <summary>A user pool to create through <see cref="CognitoAdmin.CreatePoolAsync"/>.</summary>
/// <param name="Name">The pool name.</param>
public sealed record PoolSpec(string Name)
{
    /// <summary>
    /// Schema entries: a standard attribute name (e.g. <c>email</c>) overrides its defaults, any other
    /// name is a custom attribute (<c>legacy_id</c> or <c>custom:legacy_id</c>, the prefix is added by Cognito).
    /// </summary>
    public IReadOnlyList<SchemaAttributeSpec> Schema { get; init; } = [];

    /// <summary><c>AliasAttributes</c>: any of email, phone_number, preferred_username. cognito-local ignores it.</summary>
    public IReadOnlyList<string>? AliasAttributes { get; init; }

    /// <summary><c>UsernameAttributes</c>: email and/or phone_number used as the username.</summary>
    public IReadOnlyList<string>? UsernameAttributes { get; init; }

    /// <summary><c>UsernameConfiguration.CaseSensitive</c>; null leaves Cognito's default (case sensitive).</summary>
    public bool? UsernameCaseSensitive { get; init; }

    /// <summary>The password policy; null leaves Cognito's default (8 characters, all four classes).</summary>
    public PasswordPolicySpec? PasswordPolicy { get; init; }

    /// <summary><c>LambdaConfig</c> entries, e.g. <c>["UserMigration"] = "arn:aws:lambda:..."</c>.</summary>
    public IReadOnlyDictionary<string, string>? LambdaConfig { get; init; }

    /// <summary><c>MfaConfiguration</c>: OFF, ON or OPTIONAL; null leaves the default (OFF).</summary>
    public string? MfaConfiguration { get; init; }
}
