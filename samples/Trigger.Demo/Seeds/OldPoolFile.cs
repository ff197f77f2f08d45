namespace Trigger.Demo.Seeds;

/// <summary><c>samples/old-pool-users.json</c>: the old pool's schema and its users.</summary>
internal sealed record OldPoolFile
{
    /// <summary>A line for humans; the demo ignores it.</summary>
    public string? Description { get; init; }

    /// <summary>The old pool's custom attributes, without the <c>custom:</c> prefix.</summary>
    public IReadOnlyList<string> CustomAttributes { get; set; } = [];

    /// <summary>The names users may sign in with besides their username (email, phone_number, preferred_username).</summary>
    public IReadOnlyList<string> AliasAttributes { get; set; } = [];

    public required IReadOnlyList<OldUserSeed> Users { get; init; }
}
