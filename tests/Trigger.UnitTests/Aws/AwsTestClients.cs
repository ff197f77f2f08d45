using Amazon.Runtime;
using Polly;
using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Aws.SecretsManager;
using Trigger.Testing;

namespace Trigger.UnitTests.Aws;

/// <summary>Clients pointed at a loopback server, with static test credentials and no retries unless asked.</summary>
internal static class AwsTestClients
{
    public const string AccessKey = "AKIDTESTEXAMPLE";
    public const string SecretKey = "test/secret+access/KEY";
    public const string SessionToken = "test-session-token/abc+def==";
    public const string Region = "eu-west-1";

    public static SessionAWSCredentials Credentials { get; } = new(AccessKey, SecretKey, SessionToken);

    public static AwsClientOptions Options(
        LoopbackAwsServer server,
        HttpClient http,
        ResiliencePipeline? pipeline = null,
        TimeProvider? time = null,
        AWSCredentials? credentials = null) => new()
        {
            Region = Region,
            EndpointOverride = server.Endpoint,
            Credentials = credentials ?? Credentials,
            HttpClient = http,
            ResiliencePipeline = pipeline ?? ResiliencePipeline.Empty,
            TimeProvider = time,
            EnvironmentVariables = new DictionaryEnvironment(),
        };

    public static CognitoIdentityProviderClient Cognito(LoopbackAwsServer server, HttpClient http, ResiliencePipeline? pipeline = null, TimeProvider? time = null) =>
        new(Options(server, http, pipeline, time));

    public static SecretsManagerClient SecretsManager(LoopbackAwsServer server, HttpClient http) => new(Options(server, http));
}
