using System.Text.Json.Nodes;
using Trigger.Contract;
using Trigger.Testing;
using Trigger.Testing.Lambda;

namespace Trigger.Benchmarks;

/// <summary>
/// The old pool the function authenticates against: a <see cref="FakeCognito"/> seeded with one pool, an
/// app client allowing ADMIN_USER_PASSWORD_AUTH and one confirmed user with a verified email. Every
/// benchmark invocation is a real sign-in of that user, so the function does its full work each time.
/// </summary>
internal sealed class OldPoolWorld : IAsyncDisposable
{
    private const string Username = "ada";

    // A benchmark-only password for a user that lives in memory for the run; never printed.
    private const string Password = "Old-pool-Pa55!";

    private const string Region = "us-east-1";

    private readonly FakeCognito _fake;
    private readonly CognitoAdmin _admin;
    private readonly Dictionary<string, string> _environment;

    private OldPoolWorld(FakeCognito fake, CognitoAdmin admin, Dictionary<string, string> environment, string signInEvent)
    {
        _fake = fake;
        _admin = admin;
        _environment = environment;
        SignInEvent = signInEvent;
    }

    /// <summary>A <c>UserMigration_Authentication</c> event for the seeded user with the right password.</summary>
    public string SignInEvent { get; }

    public static async Task<OldPoolWorld> StartAsync(CancellationToken cancellationToken)
    {
        var fake = await FakeCognito.StartAsync(new FakeCognitoOptions { Region = Region }, cancellationToken);
        var admin = new CognitoAdmin(fake.Endpoint);
        try
        {
            var oldPoolId = (await admin.CreatePoolAsync(new PoolSpec("old"), cancellationToken)).Id;
            var newPoolId = (await admin.CreatePoolAsync(new PoolSpec("new"), cancellationToken)).Id;
            var client = await admin.CreateAppClientAsync(oldPoolId, new AppClientSpec("trigger"), cancellationToken);
            await admin.CreateUserAsync(
                oldPoolId,
                new UserSpec(Username, Password) { Email = "ada@example.com", EmailVerified = true },
                cancellationToken);
            var environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [TriggerSettingNames.OldUserPoolId] = oldPoolId,
                [TriggerSettingNames.OldClientId] = client.ClientId,
                [TriggerSettingNames.OldEndpointUrl] = fake.Endpoint.ToString(),
                ["AWS_REGION"] = Region,
                ["AWS_ACCESS_KEY_ID"] = "benchmark",
                ["AWS_SECRET_ACCESS_KEY"] = "benchmark",
            };
            return new OldPoolWorld(fake, admin, environment, SignInEventFor(newPoolId));
        }
        catch
        {
            admin.Dispose();
            await fake.DisposeAsync();
            throw;
        }
    }

    /// <summary>A bridge for <paramref name="flavour"/> with the function's configuration, <paramref name="extra"/> on top, and JSON logs.</summary>
    public LambdaRuntimeBridgeOptions BridgeOptions(FunctionFlavour flavour, IReadOnlyList<KeyValuePair<string, string>> extra) => new()
    {
        Runtime = flavour.Runtime,
        Environment = _environment.Concat(extra).GroupBy(pair => pair.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Last().Value, StringComparer.Ordinal),
        LogFormat = "JSON",
        Region = Region,
        // A shared, loaded machine can stretch a JIT start well past Lambda's 10 s init budget; a
        // benchmark wants the figure, not a timeout.
        InitTimeout = TimeSpan.FromSeconds(60),
    };

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _fake.DisposeAsync();
    }

    // The shape Cognito sends (src/Trigger.Migration/Events/UserMigrationEvent.cs), nulls included.
    private static string SignInEventFor(string newPoolId) => new JsonObject
    {
        ["version"] = "1",
        ["triggerSource"] = "UserMigration_Authentication",
        ["region"] = Region,
        ["userPoolId"] = newPoolId,
        ["userName"] = Username,
        ["callerContext"] = new JsonObject { ["awsSdkVersion"] = "aws-sdk-unknown-unknown", ["clientId"] = "new-pool-client" },
        ["request"] = new JsonObject { ["password"] = Password, ["validationData"] = null, ["clientMetadata"] = null },
        ["response"] = new JsonObject(),
    }.ToJsonString();
}
