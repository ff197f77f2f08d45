namespace Trigger.Demo.Seeds;

/// <summary>One user of the old pool, in the state the demo creates. <see cref="ToString"/> never shows the password.</summary>
internal sealed record OldUserSeed
{
    public required string Username { get; init; }

    /// <summary>The permanent password, or the temporary one for FORCE_CHANGE_PASSWORD.</summary>
    public required string Password { get; init; }

    /// <summary>CONFIRMED or FORCE_CHANGE_PASSWORD.</summary>
    public string Status { get; set; } = "CONFIRMED";

    public bool Enabled { get; set; } = true;

    public string? Email { get; init; }

    public bool EmailVerified { get; set; } = true;

    public string? PreferredUsername { get; init; }

    /// <summary>Further attributes by name, e.g. <c>given_name</c>, <c>custom:tenant</c>.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; set; } = new Dictionary<string, string>();

    /// <summary>What is special about this user, shown in the old pool's table.</summary>
    public string? About { get; init; }

    public override string ToString() => $"OldUserSeed {{ Username = {Username}, Status = {Status}, Enabled = {Enabled} }}";
}
