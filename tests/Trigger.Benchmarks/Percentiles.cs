namespace Trigger.Benchmarks;

/// <summary>Order statistics by the nearest-rank method: every figure reported is one that was measured.</summary>
internal static class Percentiles
{
    /// <summary>The smallest value with at least <paramref name="percentile"/> % of the values at or below it.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or <paramref name="percentile"/> is outside (0, 100].</exception>
    public static double Of(IReadOnlyCollection<double> values, double percentile)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("No values to take a percentile of.", nameof(values));
        }

        if (percentile is <= 0 or > 100)
        {
            throw new ArgumentException($"Percentile {percentile} is outside (0, 100].", nameof(percentile));
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    public static double Median(IReadOnlyCollection<double> values) => Of(values, 50);
}
