namespace Trigger.Testing;

/// <summary>How to start one cognito-local instance. Everything is optional.</summary>
public sealed record CognitoLocalOptions
{
    /// <summary>
    /// Where cognito-local sends Lambda Invoke calls (<c>LambdaClient.endpoint</c>), e.g. the Runtime
    /// API bridge. Null: no Lambda endpoint (then no trigger may be configured).
    /// </summary>
    public Uri? LambdaEndpoint { get; init; }

    /// <summary>Function name cognito-local invokes for the <c>UserMigration</c> trigger. Applies to every pool the instance serves.</summary>
    public string? UserMigrationFunction { get; init; }

    /// <summary>Function name cognito-local invokes for the <c>PreSignUp</c> trigger (SignUp only in cognito-local).</summary>
    public string? PreSignUpFunction { get; init; }

    /// <summary>
    /// Function name cognito-local invokes for the <c>PostAuthentication</c> trigger (password sign-in, before
    /// it lists the user's groups for the tokens).
    /// </summary>
    public string? PostAuthenticationFunction { get; init; }

    /// <summary>
    /// Function name cognito-local invokes for the <c>PreTokenGeneration</c> trigger. cognito-local 5.3.0 sends
    /// version "0" events with an empty <c>groupConfiguration</c> and applies only <c>claimsToAddOrOverride</c> and
    /// <c>claimsToSuppress</c> of the answer, to the ID token: it ignores <c>groupOverrideDetails</c>.
    /// </summary>
    public string? PreTokenGenerationFunction { get; init; }

    /// <summary>How long to wait for <c>GET /health</c> to answer. Default 60 s (a loaded 2-core machine).</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Passes <c>DEBUG=1</c> to cognito-local. Its debug log prints stored users and trigger events,
    /// passwords included, so use it only while debugging locally, never in committed tests.
    /// </summary>
    public bool VerboseLog { get; init; }
}
