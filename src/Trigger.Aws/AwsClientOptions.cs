using Amazon.Runtime;
using Polly;
using Trigger.Aws.SecurityToken;

namespace Trigger.Aws;

/// <summary>
/// How a client reaches its AWS service. Everything is optional; what is left out comes from the
/// standard AWS places (environment, default credential chain) or from process-wide defaults.
/// </summary>
public sealed class AwsClientOptions
{
    /// <summary>
    /// The region to call and sign for, for example <c>eu-west-1</c>. When null: <c>AWS_REGION</c>,
    /// then <c>AWS_DEFAULT_REGION</c>; when none is set the client refuses to be built.
    /// </summary>
    public string? Region { get; init; }

    /// <summary>
    /// An absolute http(s) URL that wins over every other endpoint source. When null: the service's
    /// <c>AWS_ENDPOINT_URL_*</c> variable, then <c>AWS_ENDPOINT_URL</c>, then the regional endpoint.
    /// </summary>
    public Uri? EndpointOverride { get; init; }

    /// <summary>
    /// Credentials to sign with (for example <see cref="AssumeRoleCredentials"/> for a cross-account
    /// pool). When null: AWSSDK.Core's default credential chain.
    /// </summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>The HttpClient to send with. When null: one shared, pooled client per process.</summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>
    /// The pipeline every call runs through (each attempt is signed afresh). When null:
    /// <see cref="AwsResilience.CreatePipeline"/> with default <see cref="AwsResilienceOptions"/>.
    /// Pass <see cref="ResiliencePipeline.Empty"/> to send each call exactly once.
    /// </summary>
    public ResiliencePipeline? ResiliencePipeline { get; init; }

    /// <summary>The clock used for signing dates and retry delays. When null: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Where region and endpoint variables are read. When null: the process environment.</summary>
    public IEnvironmentVariables? EnvironmentVariables { get; init; }
}
