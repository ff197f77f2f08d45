using System.Net;
using System.Text.Json.Nodes;
using Trigger.IntegrationTests.Support;
using Trigger.Testing;

namespace Trigger.IntegrationTests.Testing.CognitoLocal;

[Slow]
[Collection(CognitoLocalCollection.Name)]
public sealed class CognitoLocalServerTests(CognitoLocalFixture fixture)
{
    [Fact]
    public async Task StartAsync_DefaultOptions_AnswersHealthOnLoopback()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        using var response = await http.GetAsync(new Uri(fixture.Server.Endpoint, "health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("127.0.0.1", fixture.Server.Endpoint.Host);
    }

    [Fact]
    public void StartAsync_DefaultOptions_TurnsOffEmailAsUsername()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.Server.WorkingDirectory, ".cognito", "config.json")))!;

        Assert.Empty(config["UserPoolDefaults"]!["UsernameAttributes"]!.AsArray());
        Assert.Equal(fixture.Server.Endpoint.Port, config["ServerConfig"]!["port"]!.GetValue<int>());
    }

    [Fact]
    public void StartAsync_Running_CapturesItsOutput()
    {
        Assert.Contains($"Cognito Local running on http://127.0.0.1:{fixture.Server.Endpoint.Port}", fixture.Server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_WelcomeMessageCarryingTemporaryPassword_IsRedacted()
    {
        const string Temporary = "Temp-Secret-7351!";
        var pool = await fixture.Admin.CreatePoolAsync(new PoolSpec("redaction"));

        // Without SUPPRESS cognito-local "delivers" the temporary password to its console.
        await fixture.Admin.SendAsync("AdminCreateUser", new JsonObject
        {
            ["UserPoolId"] = pool.Id,
            ["Username"] = "invited",
            ["TemporaryPassword"] = Temporary,
            ["UserAttributes"] = new JsonArray(new JsonObject { ["Name"] = "phone_number", ["Value"] = "+15555550100" }),
        });

        await WaitForOutputAsync("Confirmation Code Delivery");
        // The box's lines arrive one by one; under load the code line can trail its header.
        await WaitForOutputAsync("[redacted]");
        Assert.DoesNotContain(Temporary, fixture.Server.Output, StringComparison.Ordinal);
        Assert.Contains("[redacted]", fixture.Server.Output, StringComparison.Ordinal);
    }

    private async Task WaitForOutputAsync(string text)
    {
        // Output arrives asynchronously from node's stdout; bounded wait.
        for (var i = 0; i < 300 && !fixture.Server.Output.Contains(text, StringComparison.Ordinal); i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        Assert.Contains(text, fixture.Server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_TriggerWithoutLambdaEndpoint_ThrowsNamingTheOption()
    {
        var options = new CognitoLocalOptions { UserMigrationFunction = "migrate" };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => CognitoLocalServer.StartAsync(options));

        Assert.Contains("LambdaEndpoint", error.Message, StringComparison.Ordinal);
    }
}
