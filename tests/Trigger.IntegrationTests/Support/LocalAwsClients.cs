using Amazon.Runtime;
using Polly;
using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Aws.SecretsManager;
using Trigger.Testing;

namespace Trigger.IntegrationTests.Support;

/// <summary>
/// The product's AWS clients pointed at a local endpoint (cognito-local or <see cref="Trigger.Testing.FakeCognito"/>),
/// with dummy credentials and an empty environment, so nothing of the machine's AWS setup leaks in.
/// </summary>
internal static class LocalAwsClients
{
    public const string Region = "us-east-1";

    // SigV4 needs a key to sign with; neither local server checks signatures, so any key will do.
    private static readonly BasicAWSCredentials _dummyCredentials = new("AKIDLOCALTESTING0000", "local-dummy-secret-key");

    public static CognitoIdentityProviderClient Cognito(Uri endpoint, HttpClient http, ResiliencePipeline? pipeline = null) =>
        new(Options(endpoint, http, pipeline));

    public static SecretsManagerClient SecretsManager(Uri endpoint, HttpClient http, ResiliencePipeline? pipeline = null) =>
        new(Options(endpoint, http, pipeline));

    /// <summary>Retries like the product's pipeline, but after 1, 2, 4 ... ms and without jitter, so retry tests stay quick.</summary>
    public static ResiliencePipeline QuickRetries(int maxRetryAttempts = 3) =>
        AwsResilience.CreatePipeline(new AwsResilienceOptions
        {
            MaxRetryAttempts = maxRetryAttempts,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            MaxDelay = TimeSpan.FromMilliseconds(10),
            UseJitter = false,
        });

    private static AwsClientOptions Options(Uri endpoint, HttpClient http, ResiliencePipeline? pipeline) => new()
    {
        Region = Region,
        EndpointOverride = endpoint,
        Credentials = _dummyCredentials,
        HttpClient = http,
        ResiliencePipeline = pipeline,
        EnvironmentVariables = DictionaryEnvironment.Empty,
    };
}
