using System.Text.Json.Serialization;

namespace Trigger.Cli.Commands.Groups;

/// <summary>What <c>groups</c> did (or, with <c>--dry-run</c>, would do) to the new pool's group definitions.</summary>
/// <param name="OldPoolId">The old pool.</param>
/// <param name="NewPoolId">The new pool.</param>
/// <param name="DryRun">True when nothing was changed.</param>
/// <param name="Created">Groups created (with --dry-run: that would be created).</param>
/// <param name="Unchanged">Groups the new pool already has as the old pool defines them.</param>
/// <param name="Differing">Groups the new pool has with another description, precedence or role: left as they are.</param>
internal sealed record GroupsReport(
    string OldPoolId,
    string NewPoolId,
    bool DryRun,
    IReadOnlyList<GroupLine> Created,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<GroupLine> Differing)
{
    /// <summary>With <c>--members</c>: the memberships copied; null without it.</summary>
    public MembershipCounts? Memberships { get; init; }
}

/// <summary>One group in the report.</summary>
/// <param name="Name">The group's name.</param>
/// <param name="Precedence">Its precedence, if any.</param>
/// <param name="RoleArn">Its (mapped) role, if any.</param>
/// <param name="Differences">For a differing group: the fields that differ.</param>
internal sealed record GroupLine(string Name, int? Precedence, string? RoleArn, IReadOnlyList<string> Differences);

/// <summary>Source-generated JSON for <c>groups --output json</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(GroupsReport))]
internal sealed partial class GroupsJsonContext : JsonSerializerContext;
