namespace Trigger.Aws.PoolAdapters;

/// <summary>Where the old app client's secret comes from: fetched once, refetched when the pool rejects it.</summary>
public interface IClientSecretSource
{
    /// <summary>The current secret (cached after the first call).</summary>
    ValueTask<string> GetAsync(CancellationToken cancellationToken);

    /// <summary>Drops the cache and fetches again, after the pool rejected a hash (the secret was rotated).</summary>
    ValueTask<string> RefreshAsync(CancellationToken cancellationToken);
}
