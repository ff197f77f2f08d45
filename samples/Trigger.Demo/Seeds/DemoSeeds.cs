namespace Trigger.Demo.Seeds;

/// <summary>Both seed files, read and checked against each other.</summary>
/// <param name="OldPool">The old pool and its users.</param>
/// <param name="Traffic">The sign-ins and sign-ups, in order.</param>
/// <param name="OldPoolPath">Where <paramref name="OldPool"/> came from, relative to the repository root.</param>
/// <param name="TrafficPath">Where <paramref name="Traffic"/> came from, relative to the repository root.</param>
internal sealed record DemoSeeds(OldPoolFile OldPool, AppTrafficFile Traffic, string OldPoolPath, string TrafficPath)
{
    public OldUserSeed? FindUser(string? username) =>
        username is null ? null : OldPool.Users.FirstOrDefault(u => string.Equals(u.Username, username, StringComparison.Ordinal));
}
