namespace Trigger.Demo.Seeds;

/// <summary>What should happen to one request: the function's outcome (from its log) and what the app sees.</summary>
internal sealed record Expectation
{
    /// <summary>migrated or refused (sign-ins); allowed or refused (sign-ups).</summary>
    public required string Function { get; init; }

    /// <summary>The reason the function logs for a refusal; null: any reason.</summary>
    public string? Reason { get; init; }

    /// <summary>The new pool's user status after a migration: CONFIRMED or RESET_REQUIRED.</summary>
    public string? FinalStatus { get; init; }

    /// <summary><c>signed in</c>, <c>signed up</c>, or the error type the app gets (e.g. NotAuthorizedException).</summary>
    public required string App { get; init; }
}
