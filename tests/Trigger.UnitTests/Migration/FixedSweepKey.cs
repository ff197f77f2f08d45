using Trigger.Migration.Ports;

namespace Trigger.UnitTests.Migration;

/// <summary>A sweep key source that always answers the same key.</summary>
internal sealed class FixedSweepKey(string key) : ISweepKeySource
{
    /// <summary>A key long enough for <c>SweepProof</c>.</summary>
    public const string TestKey = "sweep-key-0123456789-abcdefghijklmnop";

    /// <summary>The clock's time in the tests that make and check proofs.</summary>
    public static DateTimeOffset TestNow { get; } = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    public ValueTask<string> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(key);
}
