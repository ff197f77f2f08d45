namespace Trigger.Testing;

/// <summary><c>Policies.PasswordPolicy</c>; the defaults are Cognito's.</summary>
public sealed record PasswordPolicySpec
{
    public int MinimumLength { get; init; } = 8;

    public bool RequireUppercase { get; init; } = true;

    public bool RequireLowercase { get; init; } = true;

    public bool RequireNumbers { get; init; } = true;

    public bool RequireSymbols { get; init; } = true;

    public int TemporaryPasswordValidityDays { get; init; } = 7;
}
