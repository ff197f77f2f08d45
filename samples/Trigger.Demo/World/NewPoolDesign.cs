namespace Trigger.Demo.World;

/// <summary>
/// The new pool the demo migrates into. Its schema keeps <c>custom:tenant</c> and leaves out
/// <c>custom:legacy_tier</c>: one reason teams migrate is that custom attributes can never be removed from a pool.
/// </summary>
internal static class NewPoolDesign
{
    public const string PoolName = "new-pool";

    public const string AppClientName = "web-app";

    /// <summary>Custom attributes of the new schema, without the prefix; the function gets them as MIGRATION_NEW_CUSTOM_ATTRIBUTES.</summary>
    public static IReadOnlyList<string> CustomAttributes { get; } = ["tenant"];

    /// <summary>Alias attributes, as the real pool would have them (cognito-local ignores them).</summary>
    public static IReadOnlyList<string> AliasAttributes { get; } = ["email", "preferred_username"];

    /// <summary>USER_PASSWORD_AUTH for the migration window; SRP and refresh for afterwards.</summary>
    public static IReadOnlyList<string> AppClientAuthFlows { get; } = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"];

    public static bool Keeps(string attributeName) =>
        !attributeName.StartsWith("custom:", StringComparison.Ordinal)
        || CustomAttributes.Contains(attributeName["custom:".Length..], StringComparer.Ordinal);
}
