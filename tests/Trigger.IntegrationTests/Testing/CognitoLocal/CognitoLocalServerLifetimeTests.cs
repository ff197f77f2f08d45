using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Trigger.Testing;

namespace Trigger.IntegrationTests.Testing.CognitoLocal;

/// <summary>Starts its own instances: these tests end them.</summary>
[Slow]
public sealed class CognitoLocalServerLifetimeTests
{
    [Fact]
    public async Task StartAsync_WithTriggerOptions_WritesLambdaEndpointAndFunctionsToConfig()
    {
        var options = new CognitoLocalOptions
        {
            LambdaEndpoint = new Uri("http://127.0.0.1:9/"),
            UserMigrationFunction = "migration-fn",
            PreSignUpFunction = "guard-fn",
        };

        await using var server = await CognitoLocalServer.StartAsync(options);

        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(server.WorkingDirectory, ".cognito", "config.json")))!;
        Assert.Equal("http://127.0.0.1:9", config["LambdaClient"]!["endpoint"]!.GetValue<string>());
        Assert.Equal("migration-fn", config["TriggerFunctions"]!["UserMigration"]!.GetValue<string>());
        Assert.Equal("guard-fn", config["TriggerFunctions"]!["PreSignUp"]!.GetValue<string>());
    }

    [Fact]
    public async Task DisposeAsync_RunningServer_EndsProcessFreesPortAndDeletesDirectory()
    {
        var server = await CognitoLocalServer.StartAsync();
        var processId = server.ProcessId;
        var port = server.Endpoint.Port;
        var directory = server.WorkingDirectory;

        await server.DisposeAsync();

        Assert.True(ProcessIsGone(processId));
        Assert.False(Directory.Exists(directory));
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start(); // Throws if node still held the port.
        listener.Stop();
    }

    private static bool ProcessIsGone(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            // A recycled id belongs to some other program, not to our node.
            return process.HasExited || !process.ProcessName.Contains("node", StringComparison.OrdinalIgnoreCase);
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
