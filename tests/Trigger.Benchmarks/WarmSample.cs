namespace Trigger.Benchmarks;

/// <summary>One warm invocation: what the function logged and what the caller saw.</summary>
/// <param name="DurationMs">The function's own durationMs.</param>
/// <param name="OldPoolMs">The function's own oldPoolMs.</param>
/// <param name="RoundTripMs">The bridge's invoke round trip (Runtime API hops and log write included).</param>
internal sealed record WarmSample(double DurationMs, double OldPoolMs, double RoundTripMs)
{
    /// <summary>The function's work outside the old pool: parsing, deciding, mapping, serialising.</summary>
    public double OverheadMs => DurationMs - OldPoolMs;

    /// <summary>Everything but the old pool, as the caller sees it.</summary>
    public double RoundTripOverheadMs => RoundTripMs - OldPoolMs;
}
