using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Trigger.Contract;
using Trigger.Testing;
using Trigger.Testing.Lambda;

namespace Trigger.IntegrationTests.Testing.Lambda;

public sealed partial class LambdaRuntimeBridgeTests
{
    [Fact]
    public async Task InvokeAsync_Event_ReturnsEventEchoedByRuntime()
    {
        using var budget = EchoRuntime.TestBudget();
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(), budget.Token);
        const string Event = """{"greeting":"hello","n":[1,2,3]}""";

        var invocation = await bridge.InvokeAsync(Event, budget.Token);

        Assert.Equal(LambdaInvocationStatus.Succeeded, invocation.Status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Event), JsonNode.Parse(invocation.Payload)));
        Assert.Null(invocation.ErrorType);
        Assert.True(invocation.ColdStart);
        Assert.Equal(1, bridge.Invocations);
        Assert.Equal(1, bridge.ProcessStarts);
    }

    [Fact]
    public async Task InvokeAsync_SecondInvoke_ReusesWarmRuntime()
    {
        using var budget = EchoRuntime.TestBudget();
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(), budget.Token);
        await bridge.InvokeAsync("""{"first":true}""", budget.Token);

        var second = await bridge.InvokeAsync("""{"second":true}""", budget.Token);

        Assert.Equal(LambdaInvocationStatus.Succeeded, second.Status);
        Assert.False(second.ColdStart);
        Assert.Equal(2, bridge.Invocations);
        Assert.Equal(1, bridge.ProcessStarts);
    }

    [Fact]
    public async Task InvokeAsync_RuntimePostsError_ReturnsFunctionErrorAndKeepsRuntime()
    {
        using var budget = EchoRuntime.TestBudget();
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(), budget.Token);

        var failed = await bridge.InvokeAsync("""{"fail":true}""", budget.Token);
        var after = await bridge.InvokeAsync("""{"ok":true}""", budget.Token);

        Assert.Equal(LambdaInvocationStatus.FunctionError, failed.Status);
        Assert.True(failed.IsFunctionError);
        Assert.Equal("EchoRuntime.AskedToFail", failed.ErrorType);
        Assert.Equal("echo asked to fail", failed.ErrorMessage);
        Assert.Equal("EchoRuntime.AskedToFail", (string?)JsonNode.Parse(failed.Payload)!["errorType"]);
        Assert.Equal(LambdaInvocationStatus.Succeeded, after.Status);
        Assert.Equal(1, bridge.ProcessStarts);
    }

    [Fact]
    public async Task InvokeAsync_FunctionRunsPastTimeout_TimesOutAndNextInvokeRestartsRuntime()
    {
        using var budget = EchoRuntime.TestBudget();
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(timeout: TimeSpan.FromSeconds(1)), budget.Token);
        // Warm first, so the timeout cannot be confused with a slow cold start.
        await bridge.InvokeAsync("""{"warm":true}""", budget.Token);

        var timedOut = await bridge.InvokeAsync("""{"sleep":60000}""", budget.Token);
        var next = await bridge.InvokeAsync("""{"after":true}""", budget.Token);

        Assert.Equal(LambdaInvocationStatus.TimedOut, timedOut.Status);
        Assert.Equal("Sandbox.Timedout", timedOut.ErrorType);
        Assert.Equal($"RequestId: {timedOut.RequestId} Error: Task timed out after 1.00 seconds", timedOut.ErrorMessage);
        Assert.Equal(LambdaInvocationStatus.Succeeded, next.Status);
        Assert.True(next.ColdStart);
        Assert.Equal(2, bridge.ProcessStarts);
    }

    [Fact]
    public async Task InvokeAsync_RuntimePostsInitError_ReturnsInitFailedWithItsMessage()
    {
        using var budget = EchoRuntime.TestBudget();
        var environment = new Dictionary<string, string> { ["ECHO_INIT_FAIL"] = $"{TriggerSettingNames.OldUserPoolId} is not set." };
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(environment: environment), budget.Token);

        var invocation = await bridge.InvokeAsync("""{"any":1}""", budget.Token);

        Assert.Equal(LambdaInvocationStatus.InitFailed, invocation.Status);
        Assert.Equal("EchoRuntime.InitFailed", invocation.ErrorType);
        Assert.Equal($"{TriggerSettingNames.OldUserPoolId} is not set.", invocation.ErrorMessage);
        Assert.Null(invocation.Deadline);
    }

    [Fact]
    public async Task InvokeAsync_AfterInitFailure_StartsFreshRuntime()
    {
        using var budget = EchoRuntime.TestBudget();
        var environment = new Dictionary<string, string> { ["ECHO_INIT_FAIL"] = "still broken" };
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(environment: environment), budget.Token);
        await bridge.InvokeAsync("""{"first":1}""", budget.Token);

        var second = await bridge.InvokeAsync("""{"second":2}""", budget.Token);

        Assert.Equal(LambdaInvocationStatus.InitFailed, second.Status);
        Assert.True(second.ColdStart);
        Assert.Equal(2, bridge.ProcessStarts);
    }

    [Fact]
    public async Task InvokeAsync_CallerCancels_ThrowsAndNextInvokeStartsFreshRuntime()
    {
        using var budget = EchoRuntime.TestBudget();
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(), budget.Token);
        await bridge.InvokeAsync("""{"warm":true}""", budget.Token);
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(budget.Token);
        caller.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bridge.InvokeAsync("""{"sleep":60000}""", caller.Token));
        var next = await bridge.InvokeAsync("""{"after":true}""", budget.Token);

        Assert.Equal(LambdaInvocationStatus.Succeeded, next.Status);
        Assert.Equal(2, bridge.ProcessStarts);
    }

    [Fact]
    public async Task InvokeAsync_RuntimeExitsBeforeFirstNext_ReturnsInitFailedWithExitStatus()
    {
        using var budget = EchoRuntime.TestBudget();
        var environment = new Dictionary<string, string> { ["ECHO_EXIT_CODE"] = "7" };
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(environment: environment), budget.Token);

        var invocation = await bridge.InvokeAsync("""{"any":1}""", budget.Token);

        Assert.Equal(LambdaInvocationStatus.InitFailed, invocation.Status);
        Assert.Equal("Runtime.ExitError", invocation.ErrorType);
        Assert.Equal($"RequestId: {invocation.RequestId} Error: Runtime exited with error: exit status 7", invocation.ErrorMessage);
    }

    [Fact]
    public async Task InvokeAsync_RuntimeCrashesDuringInvocation_ReturnsExitErrorAndNextInvokeRestarts()
    {
        using var budget = EchoRuntime.TestBudget();
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(), budget.Token);

        var crashed = await bridge.InvokeAsync("""{"crash":true}""", budget.Token);
        var next = await bridge.InvokeAsync("""{"after":true}""", budget.Token);

        Assert.Equal(LambdaInvocationStatus.FunctionError, crashed.Status);
        Assert.Equal("Runtime.ExitError", crashed.ErrorType);
        Assert.Contains("exit status 3", crashed.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(LambdaInvocationStatus.Succeeded, next.Status);
        Assert.Equal(2, bridge.ProcessStarts);
    }

    [Fact]
    public async Task InvokeAsync_Event_SendsDeadlineOfReceiptPlusTimeoutAndFunctionArn()
    {
        using var budget = EchoRuntime.TestBudget();
        var timeout = TimeSpan.FromSeconds(10);
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(timeout: timeout), budget.Token);

        var before = DateTimeOffset.UtcNow;
        var invocation = await bridge.InvokeAsync("""{"any":1}""", budget.Token);
        var after = DateTimeOffset.UtcNow;

        var line = Assert.Single(InvocationLines().Matches(bridge.StandardOutput), m => m.Groups["id"].Value == invocation.RequestId);
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(line.Groups["deadline"].Value, CultureInfo.InvariantCulture));
        // The runtime received the event between before and after; the header is that instant plus the timeout (ms precision).
        Assert.InRange(deadline, before + timeout - TimeSpan.FromMilliseconds(1), after + timeout);
        Assert.True(deadline > after, "The deadline must lie in the future when the answer arrives.");
        Assert.Equal(invocation.Deadline!.Value.ToUnixTimeMilliseconds(), deadline.ToUnixTimeMilliseconds());
        Assert.Equal(bridge.FunctionArn, line.Groups["arn"].Value);
    }

    [Fact]
    public async Task InvokeAsync_RuntimeWritesToBothStreams_CapturesStdoutAndStderr()
    {
        using var budget = EchoRuntime.TestBudget();
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(), budget.Token);
        var marker = $"marker-{Guid.NewGuid():N}";

        await bridge.InvokeAsync($$"""{"print":"{{marker}}"}""", budget.Token);
        // Lines arrive through the pipes asynchronously: wait for them, bounded.
        await Eventually.UntilAsync(
            () => bridge.StandardError.Contains(marker, StringComparison.Ordinal), "the marker reached stderr", cancellationToken: budget.Token);

        Assert.Contains(marker, bridge.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(marker, bridge.StandardError, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(bridge.Output, Regex.Escape(marker)));
    }

    [Fact]
    public async Task InvokeAsync_CallerEnvironment_ReachesRuntime()
    {
        using var budget = EchoRuntime.TestBudget();
        var environment = new Dictionary<string, string> { [TriggerSettingNames.OldUserPoolId] = "us-east-1_oldPool" };
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(environment: environment), budget.Token);

        var invocation = await bridge.InvokeAsync($$"""{"env":"{{TriggerSettingNames.OldUserPoolId}}"}""", budget.Token);

        Assert.Equal("us-east-1_oldPool", (string?)JsonNode.Parse(invocation.Payload)!["env"]);
    }

    [Theory]
    [InlineData("AWS_LAMBDA_FUNCTION_NAME", "user-migration")]
    [InlineData("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256")]
    [InlineData("AWS_REGION", "us-east-1")]
    [InlineData("AWS_LAMBDA_LOG_FORMAT", "JSON")]
    [InlineData("_HANDLER", "bootstrap")]
    public async Task InvokeAsync_LambdaDefinedVariable_ReachesRuntime(string name, string expected)
    {
        using var budget = EchoRuntime.TestBudget();
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(logFormat: "JSON"), budget.Token);

        var invocation = await bridge.InvokeAsync($$"""{"env":"{{name}}"}""", budget.Token);

        Assert.Equal(expected, (string?)JsonNode.Parse(invocation.Payload)!["env"]);
    }

    [Fact]
    public async Task InvokeAsync_ParentEnvironmentVariable_DoesNotReachRuntime()
    {
        using var budget = EchoRuntime.TestBudget();
        var name = $"TRIGGER_BRIDGE_PARENT_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(name, "leaked");
        try
        {
            await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(), budget.Token);

            var invocation = await bridge.InvokeAsync($$"""{"env":"{{name}}"}""", budget.Token);

            Assert.Equal(LambdaInvocationStatus.Succeeded, invocation.Status);
            Assert.Null((string?)JsonNode.Parse(invocation.Payload)!["env"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public async Task InvokeAsync_ColdStart_RecordsProcessStartTimings()
    {
        using var budget = EchoRuntime.TestBudget();
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(), budget.Token);

        await bridge.InvokeAsync("""{"any":1}""", budget.Token);

        var start = Assert.Single(bridge.Starts);
        Assert.Equal(1, start.ProcessNumber);
        Assert.NotNull(start.FirstNextAfter);
        Assert.NotNull(start.FirstResponseAfter);
        Assert.True(start.FirstResponseAfter >= start.FirstNextAfter);
    }

    [Fact]
    public async Task DisposeAsync_RunningRuntime_KillsProcess()
    {
        using var budget = EchoRuntime.TestBudget();
        var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(), budget.Token);
        var invocation = await bridge.InvokeAsync("""{"pid":true}""", budget.Token);
        var pid = int.Parse((string)JsonNode.Parse(invocation.Payload)!["pid"]!, CultureInfo.InvariantCulture);
        using var runtime = Process.GetProcessById(pid);

        await bridge.DisposeAsync();

        Assert.True(runtime.WaitForExit(TimeSpan.FromSeconds(10)), "The runtime process must be gone after dispose.");
    }

    [Fact]
    public async Task InvokeAsync_EventNotJson_ThrowsNamingTheEvent()
    {
        using var budget = EchoRuntime.TestBudget();
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(), budget.Token);

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => bridge.InvokeAsync("not json", budget.Token));

        Assert.Equal("eventJson", exception.ParamName);
        Assert.Equal(0, bridge.ProcessStarts);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16 * 60 * 1000)]
    public async Task StartAsync_TimeoutOutOfRange_ThrowsNamingTimeout(int milliseconds)
    {
        var options = new LambdaRuntimeBridgeOptions { Runtime = EchoRuntime.Command, Timeout = TimeSpan.FromMilliseconds(milliseconds) };

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => LambdaRuntimeBridge.StartAsync(options));

        Assert.Equal("Timeout", exception.ParamName);
    }

    [GeneratedRegex(@"echo-runtime: invocation request-id=(?<id>\S+) deadline-ms=(?<deadline>\d+) function-arn=(?<arn>\S+)")]
    private static partial Regex InvocationLines();
}
