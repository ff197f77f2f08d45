using System.Text.Json.Nodes;
using Trigger.Testing.Lambda;

namespace Trigger.IntegrationTests.Testing.Lambda;

// The echo runtime answers with the event itself, so the event's "response" is the answer under test.
public sealed class CognitoLocalShimTests
{
    private const string MigrationWithoutUsername = """
        {"version":"1","triggerSource":"UserMigration_Authentication","userName":"alice@example.com",
         "request":{"password":null},
         "response":{"userAttributes":{"email":"alice@example.com","email_verified":"true"},"finalUserStatus":"CONFIRMED"}}
        """;

    [Fact]
    public async Task InvokeAsync_ShimsOff_LeavesMigrationAnswerUntouched()
    {
        using var budget = EchoRuntime.TestBudget();
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(shims: false), budget.Token);

        var invocation = await bridge.InvokeAsync(MigrationWithoutUsername, budget.Token);

        Assert.Equal(LambdaInvocationStatus.Succeeded, invocation.Status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(MigrationWithoutUsername), JsonNode.Parse(invocation.Payload)));
        Assert.Empty(bridge.ShimApplications);
    }

    [Fact]
    public async Task InvokeAsync_ShimsOnAndUsernameMissing_InjectsTypedUserName()
    {
        using var budget = EchoRuntime.TestBudget();
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(shims: true), budget.Token);

        var invocation = await bridge.InvokeAsync(MigrationWithoutUsername, budget.Token);

        Assert.Equal(LambdaInvocationStatus.Succeeded, invocation.Status);
        var attributes = JsonNode.Parse(invocation.Payload)!["response"]!["userAttributes"]!;
        Assert.Equal("alice@example.com", (string?)attributes["username"]);
        Assert.Equal("alice@example.com", (string?)attributes["email"]);
        Assert.Equal(new CognitoLocalShimApplication(invocation.RequestId, CognitoLocalShim.UsernameInjected), Assert.Single(bridge.ShimApplications));
    }

    [Fact]
    public async Task InvokeAsync_ShimsOnAndUsernamePresent_KeepsFunctionsUsername()
    {
        using var budget = EchoRuntime.TestBudget();
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(shims: true), budget.Token);
        const string Event = """
            {"triggerSource":"UserMigration_Authentication","userName":"alice@example.com",
             "response":{"userAttributes":{"username":"alice-old","email":"alice@example.com"}}}
            """;

        var invocation = await bridge.InvokeAsync(Event, budget.Token);

        Assert.Equal("alice-old", (string?)JsonNode.Parse(invocation.Payload)!["response"]!["userAttributes"]!["username"]);
        Assert.Empty(bridge.ShimApplications);
    }

    [Theory]
    [InlineData("""{"triggerSource":"UserMigration_Authentication","userName":"bob"}""")]
    [InlineData("""{"triggerSource":"UserMigration_Authentication","userName":"bob","response":{}}""")]
    [InlineData("""{"triggerSource":"UserMigration_Authentication","userName":"bob","response":{"userAttributes":null}}""")]
    [InlineData("""{"triggerSource":"UserMigration_Authentication","userName":"bob","response":{"userAttributes":{}}}""")]
    public async Task InvokeAsync_ShimsOnAndNoUserAttributes_ReturnsFunctionErrorForRejection(string migrationEvent)
    {
        using var budget = EchoRuntime.TestBudget();
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(shims: true), budget.Token);

        var invocation = await bridge.InvokeAsync(migrationEvent, budget.Token);

        Assert.Equal(LambdaInvocationStatus.FunctionError, invocation.Status);
        Assert.Equal("CognitoLocalShim.EmptyMigrationResponse", invocation.ErrorType);
        Assert.Equal("CognitoLocalShim.EmptyMigrationResponse", (string?)JsonNode.Parse(invocation.Payload)!["errorType"]);
        Assert.Equal(new CognitoLocalShimApplication(invocation.RequestId, CognitoLocalShim.EmptyResponseRejected), Assert.Single(bridge.ShimApplications));
    }

    [Fact]
    public async Task InvokeAsync_ShimsOffAndNoUserAttributes_ReturnsAnswerAsIs()
    {
        using var budget = EchoRuntime.TestBudget();
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(shims: false), budget.Token);

        var invocation = await bridge.InvokeAsync("""{"triggerSource":"UserMigration_Authentication","userName":"bob","response":{}}""", budget.Token);

        Assert.Equal(LambdaInvocationStatus.Succeeded, invocation.Status);
        Assert.Empty(bridge.ShimApplications);
    }

    [Fact]
    public async Task InvokeAsync_ShimsOnAndOtherTrigger_LeavesAnswerUntouched()
    {
        using var budget = EchoRuntime.TestBudget();
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(shims: true), budget.Token);
        const string PreSignUp = """{"triggerSource":"PreSignUp_SignUp","userName":"carol","response":{}}""";

        var invocation = await bridge.InvokeAsync(PreSignUp, budget.Token);

        Assert.Equal(LambdaInvocationStatus.Succeeded, invocation.Status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(PreSignUp), JsonNode.Parse(invocation.Payload)));
        Assert.Empty(bridge.ShimApplications);
    }

    [Fact]
    public async Task InvokeAsync_ShimsOnAndFunctionError_LeavesErrorUntouched()
    {
        using var budget = EchoRuntime.TestBudget();
        await using var bridge = await LambdaRuntimeBridge.StartAsync(EchoRuntime.Options(shims: true), budget.Token);

        var invocation = await bridge.InvokeAsync("""{"triggerSource":"UserMigration_Authentication","userName":"bob","fail":true}""", budget.Token);

        Assert.Equal("EchoRuntime.AskedToFail", invocation.ErrorType);
        Assert.Empty(bridge.ShimApplications);
    }
}
