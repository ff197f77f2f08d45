using System.Net;
using System.Text.Json.Nodes;
using Trigger.IntegrationTests.Support;
using Trigger.Testing;

namespace Trigger.IntegrationTests.Testing.FakeCognito;

public sealed class FakeCognitoFaultTests
{
    private static JsonObject GetUser(FakeCognitoSetup setup, string username) =>
        new() { ["UserPoolId"] = setup.PoolId, ["Username"] = username };

    [Fact]
    public async Task ThrottleNext_TwoCalls_ThrottlesTwiceThenSucceeds()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        await setup.CreateUserAsync("ada");
        setup.Fake.Faults.ThrottleNext("AdminGetUser", times: 2);

        var first = await Assert.ThrowsAsync<CognitoApiException>(() => setup.Admin.SendAsync("AdminGetUser", GetUser(setup, "ada")));
        var second = await Assert.ThrowsAsync<CognitoApiException>(() => setup.Admin.SendAsync("AdminGetUser", GetUser(setup, "ada")));
        var third = await setup.Admin.SendAsync("AdminGetUser", GetUser(setup, "ada"));

        Assert.All([first, second], e => Assert.Equal(("TooManyRequestsException", HttpStatusCode.BadRequest), (e.ErrorType, e.StatusCode)));
        Assert.Equal("ada", third["Username"]!.GetValue<string>());
    }

    [Fact]
    public async Task Answered_CallLogClearedMidway_CountsEveryAnswerByOutcome()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        await setup.CreateUserAsync("ada");
        var before = setup.Fake.Answered("AdminGetUser");
        setup.Fake.Faults.ThrottleNext("AdminGetUser", times: 1);

        await Assert.ThrowsAsync<CognitoApiException>(() => setup.Admin.SendAsync("AdminGetUser", GetUser(setup, "ada")));
        setup.Fake.ClearCalls();
        await setup.Admin.SendAsync("AdminGetUser", GetUser(setup, "ada"));
        await Assert.ThrowsAsync<CognitoApiException>(() => setup.Admin.SendAsync("AdminGetUser", GetUser(setup, "nobody")));

        Assert.Equal(before + 1, setup.Fake.Answered("AdminGetUser"));
        Assert.Equal(1, setup.Fake.Answered("AdminGetUser", "TooManyRequestsException"));
        Assert.Equal(1, setup.Fake.Answered("AdminGetUser", "UserNotFoundException"));
        Assert.Equal(2, setup.Fake.Calls.Count);
    }

    [Fact]
    public async Task KeepCallLogFalse_CallsAnswered_LogStaysEmptyCountsStillExact()
    {
        await using var setup = await FakeCognitoSetup.StartAsync(new FakeCognitoOptions { KeepCallLog = false });
        await setup.CreateUserAsync("ada");
        var before = setup.Fake.Answered("AdminGetUser");

        await setup.Admin.SendAsync("AdminGetUser", GetUser(setup, "ada"));
        await setup.Admin.SendAsync("AdminGetUser", GetUser(setup, "ada"));

        Assert.Empty(setup.Fake.Calls);
        Assert.Equal(before + 2, setup.Fake.Answered("AdminGetUser"));
    }

    [Fact]
    public async Task FailNext_OneCall_Answers500InternalErrorThenSucceeds()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        await setup.CreateUserAsync("ada");
        setup.Fake.Faults.FailNext("AdminGetUser");

        var error = await Assert.ThrowsAsync<CognitoApiException>(() => setup.Admin.SendAsync("AdminGetUser", GetUser(setup, "ada")));
        var next = await setup.Admin.SendAsync("AdminGetUser", GetUser(setup, "ada"));

        Assert.Equal((HttpStatusCode.InternalServerError, "InternalErrorException"), (error.StatusCode, error.ErrorType));
        Assert.Equal("ada", next["Username"]!.GetValue<string>());
    }

    [Fact]
    public async Task ThrottleNext_WithPredicate_ThrottlesOnlyMatchingRequests()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        await setup.CreateUserAsync("ada");
        await setup.CreateUserAsync("bob");
        setup.Fake.Faults.ThrottleNext("AdminGetUser", times: 1, when: r => r["Username"]?.GetValue<string>() == "bob");

        var ada = await setup.Admin.SendAsync("AdminGetUser", GetUser(setup, "ada"));
        var bob = await Assert.ThrowsAsync<CognitoApiException>(() => setup.Admin.SendAsync("AdminGetUser", GetUser(setup, "bob")));

        Assert.Equal("ada", ada["Username"]!.GetValue<string>());
        Assert.Equal("TooManyRequestsException", bob.ErrorType);
    }

    [Fact]
    public async Task RespondNext_ChosenError_AnswersItOnce()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        var client = await setup.CreateClientAsync();
        await setup.CreateUserAsync("ada");
        setup.Fake.Faults.RespondNext("AdminInitiateAuth", 1, "NotAuthorizedException", "Password attempts exceeded");

        var error = await Assert.ThrowsAsync<CognitoApiException>(() =>
            setup.Admin.AdminInitiateAuthAsync(setup.PoolId, client, "ada", FakeCognitoSetup.Password));
        var next = await setup.Admin.AdminInitiateAuthAsync(setup.PoolId, client, "ada", FakeCognitoSetup.Password);

        Assert.Equal(("NotAuthorizedException", "Password attempts exceeded"), (error.ErrorType, error.ServiceMessage));
        Assert.NotNull(next["AuthenticationResult"]);
    }

    [Fact]
    public async Task DelayNext_ManualClock_HoldsTheAnswerUntilTheClockPassesTheDelay()
    {
        var clock = new ManualClock();
        await using var setup = await FakeCognitoSetup.StartAsync(new FakeCognitoOptions { TimeProvider = clock });
        await setup.CreateUserAsync("ada");
        setup.Fake.Faults.DelayNext("AdminGetUser", TimeSpan.FromSeconds(3));

        var pending = setup.Admin.SendAsync("AdminGetUser", GetUser(setup, "ada"));
        await Eventually.UntilAsync(() => clock.PendingTimers > 0, "the delay set a timer on the clock");
        clock.Advance(TimeSpan.FromSeconds(2));
        var completedEarly = pending.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(1));
        var answer = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(completedEarly);
        Assert.Equal("ada", answer["Username"]!.GetValue<string>());
    }

    [Fact]
    public async Task DelayNext_CallerGivesUp_AbortsTheDelayAndRecordsIt()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        await setup.CreateUserAsync("ada");
        setup.Fake.Faults.DelayNext("AdminGetUser", TimeSpan.FromMinutes(10));
        setup.Fake.ClearCalls();
        using var giveUp = new CancellationTokenSource();

        var pending = setup.Admin.SendAsync("AdminGetUser", GetUser(setup, "ada"), giveUp.Token);
        await Eventually.UntilAsync(() => setup.Fake.CallsTo("AdminGetUser").Count == 1, "the request reached the fake");
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        await Eventually.UntilAsync(() => setup.Fake.CallsTo("AdminGetUser").Single().StatusCode == 499, "the fake recorded the abort");
    }

    [Fact]
    public async Task SetQuota_ThirdCallInOneSecond_IsThrottledUntilTheClockMoves()
    {
        var clock = new ManualClock();
        await using var setup = await FakeCognitoSetup.StartAsync(new FakeCognitoOptions { TimeProvider = clock });
        await setup.CreateUserAsync("ada");
        setup.Fake.Faults.SetQuota("AdminGetUser", requestsPerSecond: 2);

        await setup.Admin.SendAsync("AdminGetUser", GetUser(setup, "ada"));
        await setup.Admin.SendAsync("AdminGetUser", GetUser(setup, "ada"));
        var third = await Assert.ThrowsAsync<CognitoApiException>(() => setup.Admin.SendAsync("AdminGetUser", GetUser(setup, "ada")));
        clock.Advance(TimeSpan.FromSeconds(1));
        var afterASecond = await setup.Admin.SendAsync("AdminGetUser", GetUser(setup, "ada"));

        Assert.Equal("TooManyRequestsException", third.ErrorType);
        Assert.Equal("ada", afterASecond["Username"]!.GetValue<string>());
    }

    [Fact]
    public async Task ThrottleNext_SecretsManagerCall_AnswersThrottlingException()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        setup.Fake.SeedSecret("old-client", "s3cr3t");
        setup.Fake.Faults.ThrottleNext("GetSecretValue");

        var error = await Assert.ThrowsAsync<CognitoApiException>(() =>
            setup.Admin.SendTargetAsync("secretsmanager.GetSecretValue", "GetSecretValue", new JsonObject { ["SecretId"] = "old-client" }));

        Assert.Equal("ThrottlingException", error.ErrorType);
    }
}
