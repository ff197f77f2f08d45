using System.Text;

namespace Trigger.Aws.SecretsManager;

/// <summary>Reads a secret's value.</summary>
public sealed record GetSecretValueRequest
{
    /// <summary>The secret's ARN or name.</summary>
    public required string SecretId { get; init; }

    /// <summary>A version id; null for the version with <see cref="VersionStage"/>.</summary>
    public string? VersionId { get; init; }

    /// <summary>A staging label; null means <c>AWSCURRENT</c>.</summary>
    public string? VersionStage { get; init; }
}

/// <summary>A secret's value. Printing it shows everything except the value.</summary>
public sealed record GetSecretValueResponse
{
    /// <summary>The secret's ARN.</summary>
    public string? ARN { get; init; }

    /// <summary>The secret's name.</summary>
    public string? Name { get; init; }

    /// <summary>The version read.</summary>
    public string? VersionId { get; init; }

    /// <summary>The value as text. Secret.</summary>
    public string? SecretString { get; init; }

    /// <summary>The version's staging labels.</summary>
    public IReadOnlyList<string>? VersionStages { get; init; }

    /// <summary>When the version was created.</summary>
    public DateTimeOffset? CreatedDate { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ARN = ").Append(ARN)
            .Append(", Name = ").Append(Name)
            .Append(", VersionId = ").Append(VersionId)
            .Append(", SecretString = ").Append(SecretString is null ? "null" : "[redacted]");
        return true;
    }
}
