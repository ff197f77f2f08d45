using System.Diagnostics;

namespace Trigger.Testing;

/// <summary>
/// Waits, bounded, for a condition another thread makes true: lines arriving through a pipe, a request
/// reaching a fake, a waiter setting a timer on a <see cref="ManualClock"/>. The one wait-until loop of the tests.
/// </summary>
public static class Eventually
{
    /// <summary>How long a wait lasts unless told: things the tests wait for happen in milliseconds, this guards a loaded machine.</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Whether <paramref name="condition"/> held before <paramref name="limit"/> (default <see cref="DefaultLimit"/>) passed.</summary>
    public static async Task<bool> HoldsWithinAsync(Func<bool> condition, TimeSpan? limit = null, CancellationToken cancellationToken = default)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > (limit ?? DefaultLimit))
            {
                return false;
            }

            await Task.Delay(_pollInterval, cancellationToken);
        }

        return true;
    }

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    /// <exception cref="TimeoutException"><paramref name="what"/> did not happen within the limit.</exception>
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? limit = null, CancellationToken cancellationToken = default)
    {
        if (!await HoldsWithinAsync(condition, limit, cancellationToken))
        {
            throw new TimeoutException($"{what}: not within {(limit ?? DefaultLimit).TotalSeconds:0} s");
        }
    }
}
