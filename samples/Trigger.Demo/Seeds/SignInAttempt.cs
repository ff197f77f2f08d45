namespace Trigger.Demo.Seeds;

/// <summary>One sign-in as an app sends it: InitiateAuth USER_PASSWORD_AUTH with the name the user typed.</summary>
internal sealed record SignInAttempt
{
    /// <summary>The old user signing in; null for a stranger the old pool does not know.</summary>
    public string? User { get; init; }

    /// <summary>The sign-in name as typed: the username or an alias.</summary>
    public required string Typed { get; init; }

    /// <summary><c>right</c>, <c>wrong</c> or <c>made-up</c> (strangers only).</summary>
    public required string Password { get; init; }

    public required Expectation Expect { get; init; }
}
