using System.Text.RegularExpressions;

namespace Trigger.Testing.Lambda;

/// <summary>What a <see cref="LambdaRuntimeBridge"/> runs and how it behaves. Validated by <see cref="LambdaRuntimeBridge.StartAsync"/>.</summary>
public sealed partial class LambdaRuntimeBridgeOptions
{
    /// <summary>The runtime process to start, for example <see cref="FunctionArtifact.GetPublishedAsync"/>'s result. Required.</summary>
    public required RuntimeCommand Runtime { get; init; }

    /// <summary>
    /// The function's configuration, as the CDK stack would set it. Applied over the Lambda-defined
    /// variables (so it may override <c>AWS_REGION</c>, for example); only <c>AWS_LAMBDA_RUNTIME_API</c>
    /// cannot be overridden. The parent's environment is not inherited beyond PATH, HOME, TMPDIR and the
    /// DOTNET_ROOT / bundle-extraction variables, so no real AWS credentials leak into the function.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The function name: <c>AWS_LAMBDA_FUNCTION_NAME</c> and the only name the Invoke API accepts. Default <c>user-migration</c>.</summary>
    public string FunctionName { get; init; } = "user-migration";

    /// <summary>
    /// The invocation timeout, counted from the moment the runtime receives the event (that instant plus
    /// this is <c>Lambda-Runtime-Deadline-Ms</c>). Default 5 s, Cognito's fixed budget for a trigger.
    /// Range: 1 ms to 15 minutes.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a runtime may take from process start to its first <c>next</c> call, like Lambda's separate
    /// 10 s init phase. Default 10 s (raise it on a loaded machine). Range: 1 ms to 15 minutes.
    /// </summary>
    public TimeSpan InitTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary><c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c> in MB. Default 256. Range: 128 to 10240, as in Lambda.</summary>
    public int MemorySizeMb { get; init; } = 256;

    /// <summary><c>AWS_REGION</c> and <c>AWS_DEFAULT_REGION</c>, and the region in the function ARN. Default <c>us-east-1</c>.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary><c>_HANDLER</c>. Default <c>bootstrap</c> (a custom runtime ignores it).</summary>
    public string Handler { get; init; } = "bootstrap";

    /// <summary><c>AWS_LAMBDA_LOG_FORMAT</c> (<c>JSON</c> or <c>Text</c>); null leaves it unset. Default null.</summary>
    public string? LogFormat { get; init; }

    /// <summary>
    /// Turns on the <see cref="CognitoLocalShim"/> rewrites of UserMigration answers. Off by default;
    /// on when the bridge serves cognito-local. Every application is listed in
    /// <see cref="LambdaRuntimeBridge.ShimApplications"/>.
    /// </summary>
    public bool CognitoLocalShims { get; init; }

    /// <summary>The clock for deadlines and durations. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Throws one clear <see cref="ArgumentException"/> naming the first bad setting.</summary>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Runtime, nameof(Runtime));
        if (!File.Exists(Runtime.FileName))
        {
            throw new ArgumentException($"Runtime.FileName '{Runtime.FileName}' does not exist.", nameof(Runtime));
        }

        if (!Directory.Exists(Runtime.TaskRoot))
        {
            throw new ArgumentException($"Runtime.TaskRoot '{Runtime.TaskRoot}' does not exist.", nameof(Runtime));
        }

        if (!FunctionNamePattern().IsMatch(FunctionName ?? string.Empty))
        {
            throw new ArgumentException(
                $"FunctionName '{FunctionName}' is not a Lambda function name (1-64 letters, digits, '-' or '_').", nameof(FunctionName));
        }

        CheckRange(Timeout, nameof(Timeout));
        CheckRange(InitTimeout, nameof(InitTimeout));
        if (MemorySizeMb is < 128 or > 10240)
        {
            throw new ArgumentException($"MemorySizeMb {MemorySizeMb} is outside Lambda's 128-10240 MB.", nameof(MemorySizeMb));
        }

        if (string.IsNullOrWhiteSpace(Region))
        {
            throw new ArgumentException("Region is empty.", nameof(Region));
        }

        ArgumentNullException.ThrowIfNull(Environment, nameof(Environment));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }

    private static void CheckRange(TimeSpan value, string name)
    {
        if (value < TimeSpan.FromMilliseconds(1) || value > TimeSpan.FromMinutes(15))
        {
            throw new ArgumentException($"{name} {value} is outside 1 ms to 15 minutes.", name);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex FunctionNamePattern();
}
