using System.Text;
using System.Text.Json;
using Trigger.Contract;
using Trigger.Function.Runtime;
using Trigger.UnitTests.Aws;

namespace Trigger.UnitTests.Function.Runtime;

/// <summary>The Runtime API client against a real HTTP server on loopback.</summary>
public sealed class RuntimeApiClientTests
{
    private static RuntimeApiClient ClientFor(LoopbackAwsServer server) => RuntimeApiClient.Create($"{server.Endpoint.Host}:{server.Endpoint.Port}");

    [Fact]
    public async Task NextAsync_LambdaHeaders_RequestIdDeadlineTraceAndBodyRead()
    {
        await using var server = LoopbackAwsServer.Script(new CannedResponse(200, "{\"triggerSource\":\"x\"}", new Dictionary<string, string>
        {
            ["Lambda-Runtime-Aws-Request-Id"] = "req-42",
            ["Lambda-Runtime-Deadline-Ms"] = "1767225605000",
            ["Lambda-Runtime-Trace-Id"] = "Root=1-abc",
        }));

        var invocation = await ClientFor(server).NextAsync(CancellationToken.None);

        Assert.Equal("/2018-06-01/runtime/invocation/next", server.Requests.Single().Path);
        Assert.Equal("req-42", invocation.RequestId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767225605000), invocation.Deadline);
        Assert.Equal("Root=1-abc", invocation.TraceId);
        Assert.Equal("{\"triggerSource\":\"x\"}", Encoding.UTF8.GetString(invocation.Body.Span));
        Assert.Null(invocation.WaitingSince);
    }

    [Fact]
    public async Task NextAsync_NoDeadlineHeader_DeadlineUnbounded()
    {
        await using var server = LoopbackAwsServer.Script(new CannedResponse(200, "{}", new Dictionary<string, string>
        {
            ["Lambda-Runtime-Aws-Request-Id"] = "req-1",
        }));

        var invocation = await ClientFor(server).NextAsync(CancellationToken.None);

        Assert.Equal(DateTimeOffset.MaxValue, invocation.Deadline);
    }

    [Fact]
    public async Task NextAsync_NoRequestId_ThrowsNamingTheHeader()
    {
        await using var server = LoopbackAwsServer.Script(CannedResponse.Json("{}"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ClientFor(server).NextAsync(CancellationToken.None));

        Assert.Contains("Lambda-Runtime-Aws-Request-Id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RespondAsync_Payload_PostedToTheRequestsResponsePath()
    {
        await using var server = LoopbackAwsServer.Script(new CannedResponse(202, ""));

        await ClientFor(server).RespondAsync("req-7", "{\"response\":{}}"u8.ToArray(), CancellationToken.None);

        var request = server.Requests.Single();
        Assert.Equal(("POST", "/2018-06-01/runtime/invocation/req-7/response"), (request.Method, request.Path));
        Assert.Equal("{\"response\":{}}", request.BodyText);
    }

    [Fact]
    public async Task FailAsync_Error_PostedAsErrorDocumentWithTypeHeader()
    {
        await using var server = LoopbackAwsServer.Script(new CannedResponse(202, ""));

        await ClientFor(server).FailAsync("req-1", "SignUpRefused", "This sign-up cannot be completed.", CancellationToken.None);

        var request = server.Requests.Single();
        Assert.Equal("/2018-06-01/runtime/invocation/req-1/error", request.Path);
        Assert.Equal("SignUpRefused", request.Header("Lambda-Runtime-Function-Error-Type"));
        using var document = JsonDocument.Parse(request.Body);
        Assert.Equal("SignUpRefused", document.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("This sign-up cannot be completed.", document.RootElement.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task FailInitAsync_Error_PostedToInitError()
    {
        await using var server = LoopbackAwsServer.Script(new CannedResponse(202, ""));

        await ClientFor(server).FailInitAsync("InvalidConfiguration", $"{TriggerSettingNames.OldClientId} is not set.", CancellationToken.None);

        var request = server.Requests.Single();
        Assert.Equal("/2018-06-01/runtime/init/error", request.Path);
        Assert.Equal("InvalidConfiguration", request.Header("Lambda-Runtime-Function-Error-Type"));
    }

    [Fact]
    public async Task RespondAsync_RuntimeApiRefuses_ThrowsNamingPathAndStatus()
    {
        await using var server = LoopbackAwsServer.Script(new CannedResponse(413, "{}"));

        var error = await Assert.ThrowsAsync<HttpRequestException>(
            () => ClientFor(server).RespondAsync("req-1", "{}"u8.ToArray(), CancellationToken.None));

        Assert.Contains("invocation/req-1/response", error.Message, StringComparison.Ordinal);
        Assert.Contains("413", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NotAHostAndPort_ThrowsNamingTheVariable()
    {
        var error = Assert.Throws<ArgumentException>(() => RuntimeApiClient.Create("not a host/"));

        Assert.Contains("AWS_LAMBDA_RUNTIME_API", error.Message, StringComparison.Ordinal);
    }
}
