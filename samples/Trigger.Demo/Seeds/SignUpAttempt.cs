namespace Trigger.Demo.Seeds;

/// <summary>One SignUp on the new pool during the window: the PreSignUp guard decides.</summary>
internal sealed record SignUpAttempt
{
    public required string Username { get; init; }

    public required string Email { get; init; }

    /// <summary>Who this is, shown next to the result.</summary>
    public string? About { get; init; }

    public required Expectation Expect { get; init; }
}
