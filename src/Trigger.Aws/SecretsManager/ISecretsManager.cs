namespace Trigger.Aws.SecretsManager;

/// <summary>
/// The Secrets Manager operation this product uses (reading the old client's secret for SECRET_HASH),
/// shaped like AWSSDK.SecretsManager's <c>IAmazonSecretsManager</c>.
/// </summary>
public interface ISecretsManager
{
    /// <summary>Reads a secret's value.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline; no retry starts after it fires.</param>
    Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken = default);
}
