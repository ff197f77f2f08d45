using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Trigger.Testing.Lambda;

namespace Trigger.IntegrationTests.Testing.Lambda;

// The Invoke API as cognito-local's AWS SDK calls it: a plain POST to .../functions/{name}/invocations.
public sealed class InvokeApiTests
{
    [Fact]
    public async Task InvokeApi_Event_Returns200WithFunctionResult()
    {
        using var budget = EchoRuntime.TestBudget();
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(), budget.Token);
        using var http = new HttpClient { BaseAddress = bridge.Endpoint };
        const string Event = """{"triggerSource":"UserMigration_Authentication","userName":"dave"}""";

        using var response = await http.PostAsync(InvocationsPath(bridge.FunctionName), Json(Event), budget.Token);
        var body = await response.Content.ReadAsStringAsync(budget.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Amz-Function-Error"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Event), JsonNode.Parse(body)));
        Assert.Equal(1, bridge.Invocations);
    }

    [Fact]
    public async Task InvokeApi_FunctionError_Returns200WithUnhandledHeaderAndErrorDocument()
    {
        using var budget = EchoRuntime.TestBudget();
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(), budget.Token);
        using var http = new HttpClient { BaseAddress = bridge.Endpoint };

        using var response = await http.PostAsync(InvocationsPath(bridge.FunctionArn), Json("""{"fail":true}"""), budget.Token);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(budget.Token))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Unhandled", Assert.Single(response.Headers.GetValues("X-Amz-Function-Error")));
        Assert.Equal("EchoRuntime.AskedToFail", (string?)body["errorType"]);
        Assert.Equal("echo asked to fail", (string?)body["errorMessage"]);
    }

    [Fact]
    public async Task InvokeApi_UnknownFunction_Returns404ResourceNotFound()
    {
        using var budget = EchoRuntime.TestBudget();
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(), budget.Token);
        using var http = new HttpClient { BaseAddress = bridge.Endpoint };

        using var response = await http.PostAsync(InvocationsPath("someone-else"), Json("{}"), budget.Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ResourceNotFoundException", Assert.Single(response.Headers.GetValues("x-amzn-ErrorType")));
        Assert.Equal(0, bridge.Invocations);
    }

    [Fact]
    public async Task InvokeApi_BodyNotJson_Returns400InvalidRequestContent()
    {
        using var budget = EchoRuntime.TestBudget();
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(), budget.Token);
        using var http = new HttpClient { BaseAddress = bridge.Endpoint };

        using var response = await http.PostAsync(InvocationsPath(bridge.FunctionName), Json("{not json"), budget.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidRequestContentException", Assert.Single(response.Headers.GetValues("x-amzn-ErrorType")));
        Assert.Equal(0, bridge.ProcessStarts);
    }

    private static Uri InvocationsPath(string functionName) =>
        new($"/2015-03-31/functions/{Uri.EscapeDataString(functionName)}/invocations", UriKind.Relative);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
