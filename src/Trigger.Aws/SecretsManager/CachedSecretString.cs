namespace Trigger.Aws.SecretsManager;

/// <summary>
/// One Secrets Manager secret string, read on first use and kept for the process; <see cref="RefreshAsync"/>
/// reads it again (a rotation). Concurrent callers share one read. <c>parse</c> turns the stored string into
/// the value (and throws, without quoting it, when it is unusable); nothing here logs or quotes the value.
/// </summary>
internal sealed class CachedSecretString(ISecretsManager secretsManager, string secretArn, Func<string?, string> parse)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _cached;

    /// <summary>The value, read once.</summary>
    public ValueTask<string> GetAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _cached) is { } cached ? ValueTask.FromResult(cached) : FetchAsync(force: false, cancellationToken);

    /// <summary>The value read again, replacing the kept one.</summary>
    public ValueTask<string> RefreshAsync(CancellationToken cancellationToken) => FetchAsync(force: true, cancellationToken);

    private async ValueTask<string> FetchAsync(bool force, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!force && _cached is { } cached)
            {
                return cached;
            }

            var response = await secretsManager.GetSecretValueAsync(new GetSecretValueRequest { SecretId = secretArn }, cancellationToken);
            var value = parse(response.SecretString);
            Volatile.Write(ref _cached, value);
            return value;
        }
        finally
        {
            _gate.Release();
        }
    }
}
