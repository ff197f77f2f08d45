using System.Text;
using System.Text.Json;
using Trigger.Function.Handlers;
using Trigger.Function.Logging;
using Trigger.Function.Runtime;
using Trigger.Migration.Decisions;
using Trigger.Migration.Ports;
using Trigger.Testing;
using Trigger.UnitTests.Migration;
using Trigger.UnitTests.Migration.Groups;

namespace Trigger.UnitTests.Function;

/// <summary>The Pre token generation step as the dispatcher serves it: sources, version shapes, the off switch.</summary>
public sealed class TriggerDispatcherTokenTests
{
    private const string Password = "Correct-horse-1";
    private readonly StringWriter _log = new();
    private readonly ManualClock _clock = new();
    private readonly FakeOldGroups _oldGroups = new();
    private readonly FakeNewGroups _newGroups = new();

    private TriggerDispatcher CreateSut(IGroupHandOverStore? handOver, bool carryGroups = true)
    {
        var pool = new InMemoryOldPool().Add(InMemoryOldPool.User("amelia"), Password);
        var metered = new MeteredOldPool(pool, TimeProvider.System, _oldGroups);
        return new TriggerDispatcher(
            new SignInMigration(metered, new SignInMigrationOptions()),
            new SignUpGuard(metered, pool, failOpen: false),
            metered,
            new InvocationLogger(_log, json: true, LogLevel.Info, TimeProvider.System),
            TimeProvider.System,
            TimeSpan.FromMilliseconds(400),
            carryGroups ? new GroupCarry(metered, _newGroups, handOver ?? new GroupHandOver(_clock), _clock) : null);
    }

    private static Invocation Event(string json) =>
        new("req-1", DateTimeOffset.UtcNow.AddSeconds(5), "Root=1-abc", Encoding.UTF8.GetBytes(json));

    private static Invocation SignIn() => Event(
        $$$"""{"version":"1","triggerSource":"UserMigration_Authentication","userPoolId":"eu-west-1_new","userName":"amelia","request":{"password":"{{{Password}}}"},"response":{}}""");

    private static Invocation PostAuthentication() => Event(
        """{"version":"1","triggerSource":"PostAuthentication_Authentication","userPoolId":"eu-west-1_new","userName":"amelia","request":{"userAttributes":{"sub":"x"}},"response":{}}""");

    private static Invocation TokenGeneration(string source, string version = "1") => Event(
        $$$"""{"version":"{{{version}}}","triggerSource":"{{{source}}}","userPoolId":"eu-west-1_new","userName":"amelia","request":{"userAttributes":{"sub":"x"},"groupConfiguration":{"groupsToOverride":[],"iamRolesToOverride":[],"preferredRole":null}},"response":{"claimsOverrideDetails":null}}""");

    private static JsonElement Response(InvocationResult result) => JsonDocument.Parse(result.Payload!).RootElement.GetProperty("response");

    [Theory]
    [InlineData("1", "claimsOverrideDetails")]
    [InlineData("2", "claimsAndScopeOverrideDetails")]
    public async Task HandleAsync_FirstSignInThroughTheTrigger_TokenAnswerCarriesTheGroupsInTheEventVersionsShape(string version, string member)
    {
        _oldGroups.Groups["amelia"] = ["admins", "editors"];
        var sut = CreateSut(null);
        await sut.HandleAsync(SignIn(), CancellationToken.None);
        await sut.HandleAsync(PostAuthentication(), CancellationToken.None);

        var result = await sut.HandleAsync(TokenGeneration("TokenGeneration_Authentication", version), CancellationToken.None);

        Assert.Null(result.ErrorType);
        var groups = Response(result).GetProperty(member).GetProperty("groupOverrideDetails").GetProperty("groupsToOverride");
        Assert.Equal(["admins", "editors"], groups.EnumerateArray().Select(g => g.GetString()));
        Assert.Contains("\"groupsInTokens\":2", _log.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("amelia", _log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_RefreshTokens_AnswersUnchangedWithoutLookingAtTheHandOver()
    {
        var handOver = new UnreachableHandOver();
        var sut = CreateSut(handOver);

        var result = await sut.HandleAsync(TokenGeneration("TokenGeneration_RefreshTokens"), CancellationToken.None);

        Assert.Null(result.ErrorType);
        Assert.Empty(Response(result).EnumerateObject());
        Assert.Equal(0, handOver.Calls);
    }

    [Fact]
    public async Task HandleAsync_HandOverUnreachable_TokensUnchangedNotAnErrorAndTheFailureLoggedWithoutTheUser()
    {
        var sut = CreateSut(new UnreachableHandOver());

        var result = await sut.HandleAsync(TokenGeneration("TokenGeneration_HostedAuth"), CancellationToken.None);

        Assert.Null(result.ErrorType);
        Assert.Empty(Response(result).EnumerateObject());
        Assert.Contains("\"reason\":\"GroupHandOverUnreadable\"", _log.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("amelia", _log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_CarryGroupsOff_MigrationReadsNoGroupsAndTokensUnchanged()
    {
        _oldGroups.Groups["amelia"] = ["admins"];
        var sut = CreateSut(null, carryGroups: false);
        await sut.HandleAsync(SignIn(), CancellationToken.None);
        await sut.HandleAsync(PostAuthentication(), CancellationToken.None);

        var result = await sut.HandleAsync(TokenGeneration("TokenGeneration_Authentication"), CancellationToken.None);

        Assert.Empty(Response(result).EnumerateObject());
        Assert.Equal(0, _oldGroups.Calls);
        Assert.Empty(_newGroups.Added);
    }
}
