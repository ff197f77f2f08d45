using System.Security.Cryptography;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// A password nobody will ever know: generated from the OS's cryptographic random source, sent once in
/// AdminSetUserPassword, never stored, printed or logged. Its only job is to take a straggler out of
/// FORCE_CHANGE_PASSWORD (where Cognito refuses ForgotPassword: "User password cannot be reset in the
/// current state") into CONFIRMED, where the forgot-password flow works. 64 characters with all four
/// classes satisfy any pool policy (minimum length 6 to 99; a password may have up to 256 characters).
/// </summary>
internal static class UnknowablePassword
{
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";

    // A subset of Cognito's documented password special characters.
    private const string Symbols = "^$*.[]{}()?!@#%&/,><:;|_~=+-";
    private const int Length = 64;

    public static string Create()
    {
        Span<char> password = stackalloc char[Length];
        password[0] = Pick(Lower);
        password[1] = Pick(Upper);
        password[2] = Pick(Digits);
        password[3] = Pick(Symbols);
        RandomNumberGenerator.GetItems<char>(Lower + Upper + Digits + Symbols, password[4..]);
        RandomNumberGenerator.Shuffle(password);
        return new string(password);
    }

    private static char Pick(string alphabet) => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
}
