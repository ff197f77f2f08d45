using Trigger.Aws.Cognito;

namespace Trigger.Cli.Commands.Groups;

/// <summary>How one old group stands in the new pool.</summary>
internal enum GroupState
{
    /// <summary>The new pool has it with the same description, precedence and (mapped) role.</summary>
    Same,

    /// <summary>The new pool lacks it.</summary>
    Missing,

    /// <summary>The new pool has it, with another description, precedence or role.</summary>
    Differs,
}

/// <summary>One old group compared with the new pool.</summary>
/// <param name="Old">The old pool's definition.</param>
/// <param name="Wanted">The definition the new pool should have: the old one with its role mapped.</param>
/// <param name="State">Same, missing or different.</param>
/// <param name="Differences">For <see cref="GroupState.Differs"/>: which fields (description, precedence, role).</param>
internal sealed record GroupComparison(GroupType Old, GroupType Wanted, GroupState State, IReadOnlyList<string> Differences)
{
    /// <summary>
    /// Compares every old group with the new pool's, by exact name (group names are case-sensitive).
    /// <paramref name="roleMap"/> maps old role ARNs to new ones; a role without an entry stays as it is.
    /// </summary>
    public static IReadOnlyList<GroupComparison> Compare(
        IReadOnlyList<GroupType> oldGroups, IReadOnlyList<GroupType> newGroups, IReadOnlyDictionary<string, string> roleMap)
    {
        ArgumentNullException.ThrowIfNull(oldGroups);
        ArgumentNullException.ThrowIfNull(newGroups);
        ArgumentNullException.ThrowIfNull(roleMap);
        var byName = newGroups.Where(g => g.GroupName is not null).ToDictionary(g => g.GroupName!, StringComparer.Ordinal);
        return [.. oldGroups.Where(g => g.GroupName is not null).OrderBy(g => g.GroupName, StringComparer.Ordinal).Select(old =>
        {
            var wanted = new GroupType
            {
                GroupName = old.GroupName,
                Description = old.Description,
                Precedence = old.Precedence,
                RoleArn = old.RoleArn is { } role && roleMap.TryGetValue(role, out var mapped) ? mapped : old.RoleArn,
            };
            if (!byName.TryGetValue(old.GroupName!, out var current))
            {
                return new GroupComparison(old, wanted, GroupState.Missing, []);
            }

            var differences = new List<string>();
            if (!string.Equals(current.Description ?? "", wanted.Description ?? "", StringComparison.Ordinal))
            {
                differences.Add("description");
            }

            if (current.Precedence != wanted.Precedence)
            {
                differences.Add("precedence");
            }

            if (!string.Equals(current.RoleArn ?? "", wanted.RoleArn ?? "", StringComparison.Ordinal))
            {
                differences.Add("role");
            }

            return new GroupComparison(old, wanted, differences.Count == 0 ? GroupState.Same : GroupState.Differs, differences);
        })];
    }
}
