using System.Text.RegularExpressions;

namespace Trigger.Migration.Decisions;

/// <summary>What a typed sign-in name could be, so that only plausible alias look-ups are made.</summary>
public static partial class SignInName
{
    /// <summary>The alias attributes whose value could equal <paramref name="typedName"/>, in look-up order.</summary>
    public static IEnumerable<string> PlausibleAliases(string typedName, IReadOnlyCollection<string> aliasAttributes)
    {
        foreach (var attribute in aliasAttributes)
        {
            var plausible = attribute switch
            {
                "email" => typedName.Contains('@', StringComparison.Ordinal),
                "phone_number" => E164().IsMatch(typedName),
                _ => true,
            };
            if (plausible)
            {
                yield return attribute;
            }
        }
    }

    [GeneratedRegex(@"^\+[0-9]{4,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}
