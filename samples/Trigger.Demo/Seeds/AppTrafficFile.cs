namespace Trigger.Demo.Seeds;

/// <summary><c>samples/app-traffic.json</c>: what the apps send to the new pool, in order, with what should happen.</summary>
internal sealed record AppTrafficFile
{
    /// <summary>A line for humans; the demo ignores it.</summary>
    public string? Description { get; init; }

    public required IReadOnlyList<SignInAttempt> SignIns { get; init; }

    public IReadOnlyList<SignUpAttempt> SignUps { get; set; } = [];
}
