namespace Trigger.Demo.App;

/// <summary>
/// What an app got back from the new pool, reduced to what the demo shows: tokens are never kept, only the
/// fact that they came.
/// </summary>
/// <param name="Outcome">
/// <c>signed in</c>, <c>signed up</c>, <c>challenge NAME</c>, or the error type; compared with
/// <see cref="Seeds.Expectation.App"/>.
/// </param>
/// <param name="Message">The service's error message, or a description of a success.</param>
internal sealed record AppAnswer(string Outcome, string Message)
{
    public static AppAnswer SignedIn { get; } = new("signed in", "signed in (tokens not shown)");

    public bool IsError => Outcome is not ("signed in" or "signed up") && !Outcome.StartsWith("challenge", StringComparison.Ordinal);

    /// <summary>One line for the tables: an error as <c>Type: message</c>.</summary>
    public string Describe() => IsError ? $"{Outcome}: {Message}" : Message;
}
