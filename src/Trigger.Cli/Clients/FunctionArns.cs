namespace Trigger.Cli.Clients;

/// <summary>
/// Lambda function ARNs as pools hold them: a trigger may name a version or alias
/// (<c>arn:aws:lambda:region:account:function:name:qualifier</c>); it is still the same function.
/// </summary>
internal static class FunctionArns
{
    /// <summary>True when both ARNs name the same function, whatever version or alias each points at.</summary>
    public static bool SameFunction(string? a, string? b) =>
        a is not null && b is not null && string.Equals(Unqualified(a), Unqualified(b), StringComparison.Ordinal);

    // arn:aws:lambda:region:account:function:name has 7 parts; an 8th is the qualifier.
    private static string Unqualified(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length == 8 && parts[5] == "function" ? string.Join(':', parts[..7]) : arn;
    }
}
