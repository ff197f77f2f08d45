namespace Trigger.Migration.Ports;

/// <summary>
/// The old pool's names folded with <see cref="Decisions.NameFolding.Fold"/>, each to the old users that
/// own it. A case-sensitive old pool cannot find <c>Quinn</c> from the <c>quinn</c> a case-insensitive new
/// pool hands the trigger, so the exact look-ups fall back to this index, built by the ops tool from an
/// export snapshot. Implemented over DynamoDB in Trigger.Aws.
/// </summary>
public interface IFoldedNameIndex
{
    /// <summary>
    /// Every (old username, attribute) whose value folds to <paramref name="foldedName"/>; empty when none.
    /// Throws <see cref="UserDirectoryUnavailableException"/> when the index cannot be read.
    /// </summary>
    Task<IReadOnlyList<FoldedNameOwner>> FindOwnersAsync(string foldedName, CancellationToken cancellationToken);
}

/// <summary>One old user owning a folded name.</summary>
/// <param name="Username">The old pool's username, with its original case.</param>
/// <param name="Attribute">Which name it is: <see cref="UsernameAttribute"/>, <c>email</c> or <c>preferred_username</c>.</param>
public sealed record FoldedNameOwner(string Username, string Attribute)
{
    /// <summary>The <see cref="Attribute"/> value for a username (not an attribute of the pool's schema).</summary>
    public const string UsernameAttribute = "username";
}
