using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Trigger.Testing.Lambda;

namespace Trigger.IntegrationTests.Testing.Lambda;

// The Runtime API's refusals, called the way a misbehaving runtime would call them (AWS Lambda
// developer guide, "Using the Lambda runtime API for custom runtimes", and its OpenAPI file).
public sealed class RuntimeApiTests
{
    [Theory]
    [InlineData("response")]
    [InlineData("error")]
    public async Task RuntimeApi_PostForUnknownRequestId_Returns400InvalidRequestId(string kind)
    {
        using var budget = EchoRuntime.TestBudget();
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(), budget.Token);
        using var http = new HttpClient { BaseAddress = bridge.Endpoint };

        using var response = await http.PostAsync(
            new Uri($"/2018-06-01/runtime/invocation/{Guid.NewGuid()}/{kind}", UriKind.Relative),
            new StringContent("{}", Encoding.UTF8, "application/json"),
            budget.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidRequestID", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(budget.Token))!["errorType"]);
    }

    [Fact]
    public async Task RuntimeApi_InitErrorOutsideInit_Returns403InvalidStateTransition()
    {
        using var budget = EchoRuntime.TestBudget();
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(), budget.Token);
        // The echo runtime is past init once it has answered.
        await bridge.InvokeAsync("""{"warm":true}""", budget.Token);
        using var http = new HttpClient { BaseAddress = bridge.Endpoint };

        using var response = await http.PostAsync(
            new Uri("/2018-06-01/runtime/init/error", UriKind.Relative),
            new StringContent("""{"errorMessage":"late","errorType":"Late"}""", Encoding.UTF8, "application/json"),
            budget.Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("InvalidStateTransition", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(budget.Token))!["errorType"]);
        Assert.Equal(LambdaInvocationStatus.Succeeded, (await bridge.InvokeAsync("""{"still":"warm"}""", budget.Token)).Status);
    }
}
