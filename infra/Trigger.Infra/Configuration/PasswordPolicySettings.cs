using Trigger.Contract;

namespace Trigger.Infra.Configuration;

/// <summary>
/// The new pool's password policy. Cognito does not apply it to a password that arrives through the
/// migration trigger, so the function checks it itself (MIGRATION_NEW_PASSWORD_POLICY).
/// </summary>
/// <param name="MinimumLength">At least this many characters, 6 to 99.</param>
/// <param name="RequireLowercase">At least one lowercase letter.</param>
/// <param name="RequireUppercase">At least one uppercase letter.</param>
/// <param name="RequireDigits">At least one digit.</param>
/// <param name="RequireSymbols">At least one symbol.</param>
internal sealed record PasswordPolicySettings(int MinimumLength, bool RequireLowercase, bool RequireUppercase, bool RequireDigits, bool RequireSymbols)
{
    /// <summary>The shortest minimum length Cognito accepts (CloudFormation PasswordPolicy.MinimumLength).</summary>
    public const int ShortestMinimumLength = SettingValues.ShortestMinimumLength;

    /// <summary>The longest minimum length Cognito accepts.</summary>
    public const int LongestMinimumLength = SettingValues.LongestMinimumLength;

    /// <summary>Cognito's default policy: 8 characters with a lowercase, an uppercase, a digit and a symbol.</summary>
    public static PasswordPolicySettings CognitoDefault { get; } = new(8, true, true, true, true);
}
