using Trigger.Migration.Ports;

namespace Trigger.UnitTests.Migration;

/// <summary>A sweep key source that always answers the same key.</summary>
internal sealed class FixedSweepKey(string key) : ISweepKeySource
{
    public ValueTask<string> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(key);
}
