using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Trigger.Testing;

/// <summary>
/// Secrets Manager's <c>GetSecretValue</c> over secrets the test seeds, looked up by name or ARN.
/// Only the current version exists; VersionId/VersionStage other than AWSCURRENT are not found.
/// </summary>
internal sealed class FakeSecretsManager(FakeCognitoOptions options)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Secret> _byName = new(StringComparer.Ordinal);

    public string Seed(string name, string secretString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(secretString);
        // Real secret ARNs end in the name, a dash and six random characters.
        var arn = $"arn:aws:secretsmanager:{options.Region}:{options.AccountId}:secret:{name}-{RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 6)}";
        lock (_gate)
        {
            _byName[name] = new Secret(name, arn, secretString, Guid.NewGuid().ToString(), options.TimeProvider.GetUtcNow());
        }

        return arn;
    }

    public JsonObject GetSecretValue(JsonObject request)
    {
        var id = RequestFields.Required(request, "SecretId");
        var stage = RequestFields.Optional(request, "VersionStage");
        var version = RequestFields.Optional(request, "VersionId");
        Secret? secret;
        lock (_gate)
        {
            secret = _byName.Values.FirstOrDefault(s => s.Name == id || s.Arn == id);
        }

        if (secret is null || (stage is not null && stage != "AWSCURRENT") || (version is not null && version != secret.VersionId))
        {
            throw new CognitoFault("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
        }

        return new JsonObject
        {
            ["ARN"] = secret.Arn,
            ["Name"] = secret.Name,
            ["VersionId"] = secret.VersionId,
            ["SecretString"] = secret.Value,
            ["VersionStages"] = new JsonArray("AWSCURRENT"),
            ["CreatedDate"] = secret.CreatedAt.ToUnixTimeMilliseconds() / 1000.0,
        };
    }

    private sealed record Secret(string Name, string Arn, string Value, string VersionId, DateTimeOffset CreatedAt)
    {
        // Keeps the value out of any accidental ToString.
        public override string ToString() => $"Secret {{ Name = {Name} }}";
    }
}
