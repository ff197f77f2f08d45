using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Trigger.Contract;

/// <summary>
/// The new pool's password policy, as the CDK app reads it from its configuration and the function reads it from
/// <c>MIGRATION_NEW_PASSWORD_POLICY</c> (<c>min=8,lowercase,uppercase,numbers,symbols</c>). Cognito does not apply
/// it to a password that arrives through the migration trigger, so the function checks it itself (the domain's
/// <c>PasswordPolicyCheck</c>).
/// </summary>
/// <param name="MinimumLength">At least this many characters (<see cref="ShortestMinimumLength"/> to <see cref="LongestMinimumLength"/>).</param>
/// <param name="RequireLowercase">At least one lowercase letter.</param>
/// <param name="RequireUppercase">At least one uppercase letter.</param>
/// <param name="RequireNumbers">At least one digit.</param>
/// <param name="RequireSymbols">At least one symbol.</param>
public sealed record PasswordPolicy(int MinimumLength, bool RequireLowercase, bool RequireUppercase, bool RequireNumbers, bool RequireSymbols)
{
    /// <summary>The shortest minimum length Cognito accepts (PasswordPolicyType.MinimumLength).</summary>
    public const int ShortestMinimumLength = SettingValues.ShortestMinimumLength;

    /// <summary>The longest minimum length Cognito accepts.</summary>
    public const int LongestMinimumLength = SettingValues.LongestMinimumLength;

    /// <summary>Cognito's default policy: 8 characters with a lowercase, an uppercase, a digit and a symbol.</summary>
    public static PasswordPolicy CognitoDefault { get; } = new(8, true, true, true, true);

    /// <summary>The setting's value, <c>min=8,lowercase,uppercase,numbers,symbols</c>, listing only the required classes.</summary>
    public string ToSetting() =>
        SettingValues.FormatPasswordPolicy(MinimumLength, RequireLowercase, RequireUppercase, RequireNumbers, RequireSymbols);

    /// <summary>
    /// Reads the setting's value: <c>min=&lt;6-99&gt;</c> and any of <c>lowercase</c>, <c>uppercase</c>, <c>numbers</c>,
    /// <c>symbols</c>, comma-separated, in any case. On failure <paramref name="unknownPart"/> is the part that is
    /// none of them, or null when every part is known but <c>min=</c> is missing.
    /// </summary>
    public static bool TryParse(string value, [NotNullWhen(true)] out PasswordPolicy? policy, out string? unknownPart)
    {
        policy = null;
        unknownPart = null;
        int? minimum = null;
        bool lower = false, upper = false, numbers = false, symbols = false;
        foreach (var part in SettingValues.List(value))
        {
            switch (part.ToLowerInvariant())
            {
                case "lowercase": lower = true; break;
                case "uppercase": upper = true; break;
                case "numbers": numbers = true; break;
                case "symbols": symbols = true; break;
                case var p when p.StartsWith("min=", StringComparison.Ordinal)
                    && int.TryParse(p.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                    && length is >= ShortestMinimumLength and <= LongestMinimumLength:
                    minimum = length;
                    break;
                default:
                    unknownPart = part;
                    return false;
            }
        }

        policy = minimum is { } least ? new PasswordPolicy(least, lower, upper, numbers, symbols) : null;
        return policy is not null;
    }
}
