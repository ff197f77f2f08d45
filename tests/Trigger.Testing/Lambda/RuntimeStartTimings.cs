namespace Trigger.Testing.Lambda;

/// <summary>
/// When one runtime process started and how long it took to become useful: the cold-start figures a
/// benchmark compares between the shipped bootstrap and the JIT flavour.
/// </summary>
/// <param name="ProcessNumber">1 for the first process the bridge started, 2 after the first restart, and so on.</param>
/// <param name="ProcessStartedAt">When the bridge started the process.</param>
/// <param name="FirstNextAfter">From process start to its first <c>GET .../invocation/next</c> (its init time); null if it never asked.</param>
/// <param name="FirstResponseAfter">From process start to its first response or error post; null if it never answered.</param>
public sealed record RuntimeStartTimings(
    int ProcessNumber,
    DateTimeOffset ProcessStartedAt,
    TimeSpan? FirstNextAfter,
    TimeSpan? FirstResponseAfter);
