using Amazon.Runtime;
using Polly;
using Trigger.Aws;

using Trigger.Cli.Clients;

namespace Trigger.Cli.Hosting;

/// <summary>
/// Where one run of the tool meets the world: its output streams and environment, plus the seams
/// tests use to point it at a local endpoint without real credentials or waits.
/// </summary>
internal sealed class CliHost
{
    /// <summary>Results: tables, lines, or the JSON document.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Errors (one line each) and progress.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Answers to prompts (the sweep's confirmation); nothing to read unless set.</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>Where the AWS clients read AWS_REGION and the endpoint variables.</summary>
    public required IEnvironmentVariables Environment { get; init; }

    /// <summary>True when <see cref="Out"/> is a terminal: colours and the terminal's width.</summary>
    public bool OutIsTerminal { get; init; }

    /// <summary>True when <see cref="Error"/> is a terminal: progress bars are drawn there.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Credentials that win over <c>--profile</c> and the default chain. Null in production.</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Where <c>--profile</c> is looked up; null: the SDK's usual files (~/.aws/credentials, ~/.aws/config).</summary>
    public string? ProfilesLocation { get; init; }

    /// <summary>The clock for signing and retry delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The HttpClient to send with; null: the AWS adapters' shared one.</summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>The retry pipeline; null: retries suited to an operator's tool (see <see cref="CognitoClientFactory"/>).</summary>
    public ResiliencePipeline? ResiliencePipeline { get; init; }
}
