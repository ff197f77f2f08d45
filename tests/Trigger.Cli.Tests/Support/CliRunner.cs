using Amazon.Runtime;
using Polly;
using Trigger.Cli.Hosting;
using Trigger.Testing;

namespace Trigger.Cli.Tests.Support;

/// <summary>
/// Runs <c>cognito-migrate</c> in-process through <see cref="CliApp.RunAsync"/> with captured output,
/// a dictionary environment (AWS_REGION=us-east-1, for cognito-local's <c>local_</c> pool ids), static
/// credentials and no retries, bounded to 60 seconds.
/// </summary>
internal sealed class CliRunner
{
    public static readonly BasicAWSCredentials TestCredentials = new("AKIDCLITEST", "cli-test-secret-key");

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string> { ["AWS_REGION"] = "us-east-1" };

    /// <summary>Null: the tool resolves credentials itself (--profile, default chain).</summary>
    public AWSCredentials? Credentials { get; init; } = TestCredentials;

    public string? ProfilesLocation { get; init; }

    public HttpClient? HttpClient { get; init; }

    public ResiliencePipeline ResiliencePipeline { get; init; } = ResiliencePipeline.Empty;

    public static Task<CliResult> RunAsync(params string[] args) => new CliRunner().RunWithAsync(args);

    public async Task<CliResult> RunWithAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var host = new CliHost
        {
            Out = output,
            Error = error,
            Environment = new DictionaryEnvironment(Environment),
            Credentials = Credentials,
            ProfilesLocation = ProfilesLocation,
            HttpClient = HttpClient,
            ResiliencePipeline = ResiliencePipeline,
        };
        var exitCode = await CliApp.RunAsync(args, host, timeout.Token);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
