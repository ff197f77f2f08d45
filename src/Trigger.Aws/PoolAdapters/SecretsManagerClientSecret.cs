using System.Text.Json;
using Trigger.Aws.SecretsManager;

namespace Trigger.Aws.PoolAdapters;

/// <summary>
/// The old client's secret from one Secrets Manager secret. The secret string is either the client
/// secret itself or a JSON object with a <c>clientSecret</c> member. The value is never logged or put
/// in an exception message.
/// </summary>
public sealed class SecretsManagerClientSecret(ISecretsManager secretsManager, string secretArn) : IClientSecretSource
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _cached;

    /// <inheritdoc />
    public async ValueTask<string> GetAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _cached) ?? await FetchAsync(force: false, cancellationToken);

    /// <inheritdoc />
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
            var value = Parse(response.SecretString);
            Volatile.Write(ref _cached, value);
            return value;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string Parse(string? secretString)
    {
        if (string.IsNullOrEmpty(secretString))
        {
            throw new InvalidOperationException("The old client's secret in Secrets Manager is empty or binary; store it as a string.");
        }

        if (!secretString.TrimStart().StartsWith('{'))
        {
            return secretString;
        }

        try
        {
            using var document = JsonDocument.Parse(secretString);
            if (document.RootElement.TryGetProperty("clientSecret", out var member) && member.GetString() is { Length: > 0 } value)
            {
                return value;
            }
        }
        catch (JsonException)
        {
            // Fall through to the one message below: the parser's own text could quote the secret.
        }

        throw new InvalidOperationException("The old client's secret in Secrets Manager is JSON without a string member 'clientSecret'.");
    }
}
