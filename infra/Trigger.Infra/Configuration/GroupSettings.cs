namespace Trigger.Infra.Configuration;

/// <summary>One group the stack declares in a pool it creates, so migrated users' groups exist before they arrive.</summary>
/// <param name="Description">The group's description, or null.</param>
/// <param name="Precedence">The group's precedence (0 or more; lower wins for roles), or null.</param>
/// <param name="RoleArn">The IAM role of the group's members through an identity pool, or null.</param>
internal sealed record GroupSettings(string? Description, int? Precedence, string? RoleArn);
