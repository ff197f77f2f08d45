using Trigger.Migration.Ports;

namespace Trigger.Migration.Decisions;

/// <summary>
/// Which of an old user's names go into the fold index, and when a folded name is a conflict. The names are
/// the username and every <c>email</c> and <c>preferred_username</c> value: the names a case-insensitive new
/// pool compares ignoring case. Phone numbers have no letter case and are left out.
/// </summary>
public static class FoldedNames
{
    /// <summary>The attributes whose values are indexed besides the username.</summary>
    public static IReadOnlyList<string> IndexedAttributes { get; } = ["email", "preferred_username"];

    /// <summary>Each name of the user, folded, with the owner entry the index keeps for it (one per distinct folded value and attribute).</summary>
    public static IEnumerable<(string Folded, FoldedNameOwner Owner)> Of(string username, IReadOnlyDictionary<string, string>? attributes)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        yield return (NameFolding.Fold(username), new FoldedNameOwner(username, FoldedNameOwner.UsernameAttribute));
        foreach (var attribute in IndexedAttributes)
        {
            if (attributes?.GetValueOrDefault(attribute) is { Length: > 0 } value)
            {
                yield return (NameFolding.Fold(value), new FoldedNameOwner(username, attribute));
            }
        }
    }

    /// <summary>
    /// True when two or more old users own the folded name (<c>Alice</c> and <c>alice</c>, or one's username and
    /// another's email): a case-insensitive pool cannot tell them apart, so the name must be refused.
    /// </summary>
    public static bool IsConflict(IEnumerable<FoldedNameOwner> owners) => Usernames(owners).Count > 1;

    /// <summary>The distinct old usernames among <paramref name="owners"/>, in order of first appearance.</summary>
    public static List<string> Usernames(IEnumerable<FoldedNameOwner> owners) =>
        [.. owners.Select(owner => owner.Username).Distinct(StringComparer.Ordinal)];
}
