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
    private readonly CachedSecretString _secret = new(secretsManager, secretArn, Parse);

    /// <inheritdoc />
    public ValueTask<string> GetAsync(CancellationToken cancellationToken) => _secret.GetAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask<string> RefreshAsync(CancellationToken cancellationToken) => _secret.RefreshAsync(cancellationToken);

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
