using Trigger.Contract;

namespace Trigger.Migration.Decisions;

/// <summary>
/// The check of the new pool's password policy. Cognito does not apply it to a migrated password, so the trigger
/// checks it itself. Symbols are the set the Cognito developer guide lists for password policies; a space counts
/// when it is neither first nor last.
/// </summary>
public static class PasswordPolicyCheck
{
    private const string Symbols = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+-";

    /// <summary>True when <paramref name="password"/> satisfies every rule of <paramref name="policy"/>.</summary>
    public static bool Accepts(this PasswordPolicy policy, string password)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length < policy.MinimumLength)
        {
            return false;
        }

        bool lower = false, upper = false, digit = false, symbol = false;
        for (var i = 0; i < password.Length; i++)
        {
            var c = password[i];
            lower |= char.IsLower(c);
            upper |= char.IsUpper(c);
            digit |= char.IsAsciiDigit(c);
            symbol |= Symbols.Contains(c, StringComparison.Ordinal) || (c == ' ' && i > 0 && i < password.Length - 1);
        }

        return (!policy.RequireLowercase || lower) && (!policy.RequireUppercase || upper)
            && (!policy.RequireNumbers || digit) && (!policy.RequireSymbols || symbol);
    }
}
