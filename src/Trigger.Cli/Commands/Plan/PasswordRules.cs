using Trigger.Aws.Cognito;
using Trigger.Contract;

namespace Trigger.Cli.Commands.Plan;

/// <summary>A pool's password policy with Cognito's defaults filled in (8 characters and all four classes, API reference, PasswordPolicyType).</summary>
internal sealed record PasswordRules(int MinimumLength, bool Lowercase, bool Uppercase, bool Numbers, bool Symbols)
{
    public static PasswordRules Of(UserPoolType pool)
    {
        var policy = pool.Policies?.PasswordPolicy;
        return new PasswordRules(
            policy?.MinimumLength ?? 8,
            policy?.RequireLowercase ?? true,
            policy?.RequireUppercase ?? true,
            policy?.RequireNumbers ?? true,
            policy?.RequireSymbols ?? true);
    }

    /// <summary>The value of the function's MIGRATION_NEW_PASSWORD_POLICY, for example <c>min=8,lowercase,uppercase,numbers,symbols</c>.</summary>
    public string ToSetting() => SettingValues.FormatPasswordPolicy(MinimumLength, Lowercase, Uppercase, Numbers, Symbols);

    /// <summary>The rules of this policy that <paramref name="older"/> does not ask for, in words.</summary>
    public IReadOnlyList<string> StricterThan(PasswordRules older)
    {
        var rules = new List<string>();
        if (MinimumLength > older.MinimumLength)
        {
            rules.Add($"at least {MinimumLength} characters (old pool: {older.MinimumLength})");
        }

        if (Lowercase && !older.Lowercase)
        {
            rules.Add("a lowercase letter");
        }

        if (Uppercase && !older.Uppercase)
        {
            rules.Add("an uppercase letter");
        }

        if (Numbers && !older.Numbers)
        {
            rules.Add("a number");
        }

        if (Symbols && !older.Symbols)
        {
            rules.Add("a symbol");
        }

        return rules;
    }
}
