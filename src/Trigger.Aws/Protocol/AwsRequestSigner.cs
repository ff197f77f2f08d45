using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Trigger.Aws.Protocol;

/// <summary>
/// Signs an outgoing request with SigV4 through AWSSDK.Core's public <see cref="AWSSigV4Signer"/>;
/// no signing crypto of our own. The date comes from the injected clock, so each attempt of a
/// retried call carries a fresh signature.
/// </summary>
internal sealed class AwsRequestSigner
{
    private readonly AwsCredentialResolver _credentials;
    private readonly RegionEndpoint _region;
    private readonly string _signingName;
    private readonly TimeProvider _timeProvider;

    public AwsRequestSigner(AwsCredentialResolver credentials, string region, string signingName, TimeProvider timeProvider)
    {
        _credentials = credentials;
        _region = RegionEndpoint.GetBySystemName(region);
        _signingName = signingName;
        _timeProvider = timeProvider;
    }

    /// <summary>Adds Authorization, X-Amz-Date, X-Amz-Content-SHA256 and (for temporary keys) X-Amz-Security-Token.</summary>
    /// <param name="request">The request; <paramref name="signedHeaders"/> must already be on it with the same values.</param>
    /// <param name="body">The exact bytes that will be sent.</param>
    /// <param name="signedHeaders">Headers to cover with the signature besides host.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public async Task SignAsync(HttpRequestMessage request, byte[] body, IReadOnlyList<KeyValuePair<string, string>> signedHeaders, CancellationToken cancellationToken)
    {
        var keys = await _credentials.ResolveAsync(cancellationToken);
        var signingRequest = new AWSSigningRequest
        {
            HttpMethod = request.Method,
            RequestUri = request.RequestUri,
            Content = body,
        };
        foreach (var (name, value) in signedHeaders)
        {
            signingRequest.Headers[name] = value;
        }

        var parameters = new AWSSigV4Parameters
        {
            Credentials = keys.UseToken
                ? new SessionAWSCredentials(keys.AccessKey, keys.SecretKey, keys.Token)
                : new BasicAWSCredentials(keys.AccessKey, keys.SecretKey),
            Region = _region,
            Service = _signingName,
            SignedAt = _timeProvider.GetUtcNow().UtcDateTime,
        };

        var signed = await AWSSigV4Signer.SignAsync(signingRequest, parameters, cancellationToken);
        foreach (var (name, value) in signed.Headers)
        {
            // Authorization's SigV4 value is not a scheme/parameter pair HttpHeaders would parse.
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
