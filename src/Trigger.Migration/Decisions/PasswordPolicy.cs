namespace Trigger.Migration.Decisions;

/// <summary>
/// The new pool's password policy. Cognito does not apply it to a migrated password, so the trigger
/// checks it itself. Symbols are the set the Cognito developer guide lists for password policies;
/// a space counts when it is neither first nor last.
/// </summary>
/// <param name="MinimumLength">At least this many characters (Cognito allows 6 to 99).</param>
/// <param name="RequireLowercase">At least one lowercase letter.</param>
/// <param name="RequireUppercase">At least one uppercase letter.</param>
/// <param name="RequireNumbers">At least one digit.</param>
/// <param name="RequireSymbols">At least one symbol.</param>
public sealed record PasswordPolicy(int MinimumLength, bool RequireLowercase, bool RequireUppercase, bool RequireNumbers, bool RequireSymbols)
{
    private const string Symbols = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+-";

    /// <summary>True when <paramref name="password"/> satisfies every rule.</summary>
    public bool Accepts(string password)
    {
        if (password.Length < MinimumLength)
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

        return (!RequireLowercase || lower) && (!RequireUppercase || upper) && (!RequireNumbers || digit) && (!RequireSymbols || symbol);
    }
}
