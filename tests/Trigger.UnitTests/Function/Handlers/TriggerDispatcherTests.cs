using System.Text;
using System.Text.Json;
using Trigger.Function.Handlers;
using Trigger.Function.Logging;
using Trigger.Function.Runtime;
using Trigger.Migration.Decisions;
using Trigger.UnitTests.Migration;

namespace Trigger.UnitTests.Function;

public sealed class TriggerDispatcherTests
{
    private const string Password = "Correct-horse-1";
    private readonly StringWriter _log = new();

    private TriggerDispatcher CreateSut(InMemoryOldPool pool, bool json = true)
    {
        var metered = new MeteredOldPool(pool, TimeProvider.System);
        return new TriggerDispatcher(
            new SignInMigration(metered, new SignInMigrationOptions()),
            new SignUpGuard(metered, pool, failOpen: false),
            metered,
            new InvocationLogger(_log, json, LogLevel.Info, TimeProvider.System),
            TimeProvider.System,
            TimeSpan.FromMilliseconds(400));
    }

    private static InMemoryOldPool PoolWithAlice() =>
        new InMemoryOldPool().Add(InMemoryOldPool.User("alice", attributes: [("email", "alice@example.com"), ("email_verified", "true")]), Password);

    private static Invocation Event(string json) =>
        new("req-1", DateTimeOffset.UtcNow.AddSeconds(5), "Root=1-abc", Encoding.UTF8.GetBytes(json));

    private static string SignIn(string user, string password) =>
        $$$"""{"version":"1","triggerSource":"UserMigration_Authentication","userPoolId":"eu-west-1_new","userName":"{{{user}}}","request":{"password":"{{{password}}}"},"response":{}}""";

    [Fact]
    public async Task HandleAsync_RightPassword_RespondsWithConfirmedUserAndLogsMigrated()
    {
        var result = await CreateSut(PoolWithAlice()).HandleAsync(Event(SignIn("alice", Password)), CancellationToken.None);

        using var payload = JsonDocument.Parse(result.Payload!);
        Assert.Equal("CONFIRMED", payload.RootElement.GetProperty("response").GetProperty("finalUserStatus").GetString());
        Assert.Contains("\"outcome\":\"migrated\"", _log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_PostAuthenticationWithNothingWaiting_AnswersAnEmptyResponseNotAnError()
    {
        const string Event = """{"version":"1","triggerSource":"PostAuthentication_Authentication","userPoolId":"eu-west-1_new","userName":"alice","request":{"userAttributes":{"sub":"x"},"newDeviceUsed":null,"clientMetadata":null},"response":{}}""";

        var result = await CreateSut(PoolWithAlice()).HandleAsync(TriggerDispatcherTests.Event(Event), CancellationToken.None);

        Assert.Null(result.ErrorType);
        using var payload = JsonDocument.Parse(result.Payload!);
        Assert.Equal("PostAuthentication_Authentication", payload.RootElement.GetProperty("triggerSource").GetString());
        Assert.Empty(payload.RootElement.GetProperty("response").EnumerateObject());
        Assert.Contains("\"outcome\":\"allowed\"", _log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_WrongPassword_RespondsWithEmptyResponseNotAnError()
    {
        var result = await CreateSut(PoolWithAlice()).HandleAsync(Event(SignIn("alice", "Wrong-horse-2")), CancellationToken.None);

        Assert.Null(result.ErrorType);
        using var payload = JsonDocument.Parse(result.Payload!);
        Assert.Equal(JsonValueKind.Object, payload.RootElement.GetProperty("response").ValueKind);
        Assert.Empty(payload.RootElement.GetProperty("response").EnumerateObject());
        Assert.Contains("\"reason\":\"WrongPassword\"", _log.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json", "MalformedEvent")]
    [InlineData("null", "MalformedEvent")]
    [InlineData("{\"userName\":\"alice\"}", "MalformedEvent")]
    [InlineData("{\"triggerSource\":\"UserMigration_Authentication\",\"userName\":42}", "MalformedEvent")]
    [InlineData("{\"triggerSource\":\"PreSignUp_SignUp\",\"userName\":\"x\"}", "MalformedEvent")]
    [InlineData("{\"triggerSource\":\"CustomMessage_SignUp\"}", "UnknownTriggerSource")]
    public async Task HandleAsync_BadEvent_ErrorNamingTheProblem(string body, string expectedType)
    {
        var result = await CreateSut(PoolWithAlice()).HandleAsync(Event(body), CancellationToken.None);

        Assert.Null(result.Payload);
        Assert.Equal(expectedType, result.ErrorType);
        Assert.False(string.IsNullOrWhiteSpace(result.ErrorMessage));
    }

    [Fact]
    public async Task HandleAsync_UnknownTriggerSource_MessageNamesTheSource()
    {
        var result = await CreateSut(PoolWithAlice()).HandleAsync(Event("{\"triggerSource\":\"CustomMessage_SignUp\"}"), CancellationToken.None);

        Assert.Contains("CustomMessage_SignUp", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_BadEventThenGoodEvent_GoodEventStillMigrates()
    {
        var sut = CreateSut(PoolWithAlice());

        await sut.HandleAsync(Event("{broken"), CancellationToken.None);
        var result = await sut.HandleAsync(Event(SignIn("alice", Password)), CancellationToken.None);

        Assert.NotNull(result.Payload);
    }

    [Fact]
    public async Task HandleAsync_SignUpUnderUnmigratedName_RefusedWithGenericMessage()
    {
        const string body = """{"triggerSource":"PreSignUp_SignUp","userPoolId":"eu-west-1_new","userName":"mallory","request":{"userAttributes":{"email":"alice@example.com"}}}""";

        var result = await CreateSut(PoolWithAlice()).HandleAsync(Event(body), CancellationToken.None);

        Assert.Equal("SignUpRefused", result.ErrorType);
        Assert.Equal(TriggerDispatcher.SignUpRefusedMessage, result.ErrorMessage);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task HandleAsync_AnyOutcome_LogCarriesNoPasswordAndOneEmfLine(bool json)
    {
        var sut = CreateSut(PoolWithAlice(), json);

        await sut.HandleAsync(Event(SignIn("alice", Password)), CancellationToken.None);
        await sut.HandleAsync(Event(SignIn("alice", "Wrong-horse-2")), CancellationToken.None);

        var log = _log.ToString();
        Assert.DoesNotContain(Password, log, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrong-horse-2", log, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", log, StringComparison.Ordinal);
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Count(l => l.StartsWith("{\"_aws\"", StringComparison.Ordinal)));
    }
}
