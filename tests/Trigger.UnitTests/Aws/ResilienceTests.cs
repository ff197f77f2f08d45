using System.Net;
using Polly.Timeout;
using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Testing;

namespace Trigger.UnitTests.Aws;

public sealed class ResilienceTests
{
    // Delays are all below this; attempt timeouts in these tests are above it, so the clock driver
    // only ever fires backoff delays (and deadlines it is told about).
    private static readonly TimeSpan _shortHorizon = TimeSpan.FromMinutes(1);
    private static readonly DateTimeOffset _start = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private static readonly AwsResilienceOptions _options = new()
    {
        MaxRetryAttempts = 3,
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(30),
        AttemptTimeout = TimeSpan.FromMinutes(5),
    };

    private static readonly CannedResponse _user = CannedResponse.Json("""{"Username":"alice"}""");

    [Fact]
    public async Task AdminGetUserAsync_ThrottledThenAnswered_RetriesAndSucceeds()
    {
        await using var server = LoopbackAwsServer.Script(CannedResponse.AwsError(400, "TooManyRequestsException", "Too many requests"), _user);
        using var http = new HttpClient();
        var clock = new ManualClock(_start);

        var user = await DriveAsync(clock, Client(server, http, clock, _options).AdminGetUserAsync(Request()));

        Assert.Equal("alice", user.Username);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task AdminInitiateAuthAsync_NotAuthorized_IsNotRetried()
    {
        await using var server = LoopbackAwsServer.Script(CannedResponse.AwsError(400, "NotAuthorizedException", "Incorrect username or password."), _user);
        using var http = new HttpClient();
        var clock = new ManualClock(_start);
        var client = Client(server, http, clock, _options);

        await Assert.ThrowsAsync<NotAuthorizedException>(() => DriveAsync(clock, client.AdminInitiateAuthAsync(new AdminInitiateAuthRequest
        {
            UserPoolId = "p",
            ClientId = "c",
            AuthFlow = AuthFlowType.AdminUserPasswordAuth,
        })));

        Assert.Single(server.Requests);
        Assert.Empty(clock.PendingWithin(_shortHorizon));
    }

    [Theory]
    [InlineData("InvalidParameterException")]
    [InlineData("UserNotFoundException")]
    [InlineData("LimitExceededException")]
    public async Task AdminGetUserAsync_OtherClientError_IsNotRetried(string code)
    {
        await using var server = LoopbackAwsServer.Script(CannedResponse.AwsError(400, code, "no"), _user);
        using var http = new HttpClient();
        var clock = new ManualClock(_start);

        await Assert.ThrowsAnyAsync<AwsServiceException>(() => DriveAsync(clock, Client(server, http, clock, _options).AdminGetUserAsync(Request())));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task AdminGetUserAsync_ServerErrorsThenAnswer_RetriesAndSucceeds()
    {
        await using var server = LoopbackAwsServer.Script(
            CannedResponse.AwsError(500, "InternalErrorException", "oops"),
            new CannedResponse(503, "<html>busy</html>"),
            _user);
        using var http = new HttpClient();
        var clock = new ManualClock(_start);

        var user = await DriveAsync(clock, Client(server, http, clock, _options).AdminGetUserAsync(Request()));

        Assert.Equal("alice", user.Username);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task AdminGetUserAsync_AlwaysFailing_StopsAfterMaxRetries()
    {
        await using var server = LoopbackAwsServer.Script(CannedResponse.AwsError(500, "InternalErrorException", "oops"));
        using var http = new HttpClient();
        var clock = new ManualClock(_start);
        var options = new AwsResilienceOptions { MaxRetryAttempts = 2, BaseDelay = TimeSpan.FromSeconds(1), AttemptTimeout = TimeSpan.FromMinutes(5) };

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => DriveAsync(clock, Client(server, http, clock, options).AdminGetUserAsync(Request())));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task AdminGetUserAsync_ConnectionDropped_RetriesAndSucceeds()
    {
        await using var server = LoopbackAwsServer.Script(CannedResponse.Dropped, _user);
        using var http = new HttpClient();
        var clock = new ManualClock(_start);

        var user = await DriveAsync(clock, Client(server, http, clock, _options).AdminGetUserAsync(Request()));

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("alice", user.Username);
    }

    [Fact]
    public async Task AdminGetUserAsync_AttemptTimesOut_RetriesAndSucceeds()
    {
        // The first answer never comes; the per-attempt timeout (not the caller) gives up on it.
        await using var server = LoopbackAwsServer.Start(async (request, stopping) =>
        {
            if (request.Number == 1)
            {
                await Task.Delay(Timeout.Infinite, stopping);
            }

            return _user;
        });
        using var http = new HttpClient();
        var clock = new ManualClock(_start);
        var options = new AwsResilienceOptions
        {
            MaxRetryAttempts = 2,
            BaseDelay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(2),
            AttemptTimeout = TimeSpan.FromSeconds(30),
        };

        var call = Client(server, http, clock, options).AdminGetUserAsync(Request());

        // Time out the first attempt only once the server holds it, then let backoffs (at most 2 s) run.
        var timedOut = false;
        for (var turn = 0; !call.IsCompleted; turn++)
        {
            Assert.True(turn < 3000, "the call did not finish");
            if (!timedOut && server.Requests.Count == 1)
            {
                clock.Advance(options.AttemptTimeout);
                timedOut = true;
            }
            else if (!timedOut || !clock.AdvanceToNextTimer(options.MaxDelay))
            {
                await Task.WhenAny(call, Task.Delay(10));
            }
        }

        Assert.Equal("alice", (await call).Username);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task AdminGetUserAsync_DeadlinePassesDuringBackoff_StopsRetrying()
    {
        await using var server = LoopbackAwsServer.Script(CannedResponse.AwsError(400, "TooManyRequestsException", "slow down"));
        using var http = new HttpClient();
        var clock = new ManualClock(_start);
        var options = new AwsResilienceOptions
        {
            MaxRetryAttempts = 10,
            BaseDelay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(30),
            AttemptTimeout = TimeSpan.FromMinutes(5),
            UseJitter = false,
        };
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5), clock);

        var call = Client(server, http, clock, options).AdminGetUserAsync(Request(), deadline.Token);

        // Backoffs of 1 s and 2 s fit before the 5 s deadline; the third (4 s) does not.
        for (var turn = 0; !call.IsCompleted; turn++)
        {
            Assert.True(turn < 3000, "the call did not finish");
            if (clock.PendingWithin(_shortHorizon).Count >= 2)
            {
                clock.AdvanceToNextTimer(_shortHorizon);
            }
            else
            {
                await Task.WhenAny(call, Task.Delay(10));
            }
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(_start.AddSeconds(5), clock.GetUtcNow());
    }

    [Fact]
    public async Task AdminGetUserAsync_CallerCancelsDuringAttempt_StopsWithoutRetry()
    {
        using var caller = new CancellationTokenSource();
        await using var server = LoopbackAwsServer.Start(async (request, stopping) =>
        {
            await caller.CancelAsync();
            return CannedResponse.AwsError(503, "ServiceUnavailable", "busy");
        });
        using var http = new HttpClient();
        var clock = new ManualClock(_start);

        var error = await Record.ExceptionAsync(
            () => DriveAsync(clock, Client(server, http, clock, _options).AdminGetUserAsync(Request(), caller.Token)));

        // Whichever the client saw first, the cancellation or the 503, it must not try again.
        Assert.True(error is OperationCanceledException or AwsServiceException, error?.GetType().Name);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(nameof(AwsResilienceOptions.MaxRetryAttempts))]
    [InlineData(nameof(AwsResilienceOptions.BaseDelay))]
    [InlineData(nameof(AwsResilienceOptions.MaxDelay))]
    [InlineData(nameof(AwsResilienceOptions.AttemptTimeout))]
    public void CreatePipeline_SettingOutOfRange_ThrowsNamingIt(string setting)
    {
        var options = setting switch
        {
            nameof(AwsResilienceOptions.MaxRetryAttempts) => new AwsResilienceOptions { MaxRetryAttempts = 11 },
            nameof(AwsResilienceOptions.BaseDelay) => new AwsResilienceOptions { BaseDelay = TimeSpan.Zero },
            nameof(AwsResilienceOptions.MaxDelay) => new AwsResilienceOptions { MaxDelay = TimeSpan.FromMilliseconds(100) },
            _ => new AwsResilienceOptions { AttemptTimeout = TimeSpan.FromHours(1) },
        };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => AwsResilience.CreatePipeline(options));

        Assert.Equal(setting, error.ParamName);
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreatePipeline_Defaults_AreValid()
    {
        Assert.NotNull(AwsResilience.CreatePipeline());
    }

    [Fact]
    public void IsTransient_Classification_RetriesOnlyWhatWaitingCanFix()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.True(AwsResilience.IsTransient(new TooManyRequestsException("x"), default));
        Assert.True(AwsResilience.IsTransient(new AwsServiceException("x", "ThrottlingException", HttpStatusCode.BadRequest, null), default));
        Assert.True(AwsResilience.IsTransient(new AwsServiceException("x", null, HttpStatusCode.TooManyRequests, null), default));
        Assert.True(AwsResilience.IsTransient(new AwsServiceException("x", null, HttpStatusCode.BadGateway, null), default));
        Assert.True(AwsResilience.IsTransient(new HttpRequestException("reset"), default));
        Assert.True(AwsResilience.IsTransient(new IOException("reset"), default));
        Assert.True(AwsResilience.IsTransient(new TimeoutRejectedException(), default));
        Assert.True(AwsResilience.IsTransient(new TaskCanceledException("HttpClient.Timeout"), default));
        Assert.False(AwsResilience.IsTransient(new NotAuthorizedException("x"), default));
        Assert.False(AwsResilience.IsTransient(new LimitExceededException("x"), default));
        Assert.False(AwsResilience.IsTransient(new AwsConfigurationException("x"), default));
        Assert.False(AwsResilience.IsTransient(new TooManyRequestsException("x"), cancelled.Token));
        Assert.False(AwsResilience.IsTransient(new OperationCanceledException(cancelled.Token), cancelled.Token));
    }

    private static readonly AwsResilienceOptions _unsentOnly = new()
    {
        MaxRetryAttempts = 3,
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(30),
        AttemptTimeout = TimeSpan.FromMinutes(5),
        RetryOnlyUnsentRequests = true,
    };

    private static AdminInitiateAuthRequest PasswordCheck() => new() { UserPoolId = "p", ClientId = "c", AuthFlow = AuthFlowType.AdminUserPasswordAuth };

    // A 5xx after the request was sent may already have counted a failed attempt toward the old pool's lockout.
    [Fact]
    public async Task AdminInitiateAuthAsync_RetryOnlyUnsent_5xxIsNotRetried()
    {
        await using var server = LoopbackAwsServer.Script(CannedResponse.AwsError(500, "InternalErrorException", "oops"), _user);
        using var http = new HttpClient();
        var clock = new ManualClock(_start);

        await Assert.ThrowsAsync<AwsServiceException>(() => DriveAsync(clock, Client(server, http, clock, _unsentOnly).AdminInitiateAuthAsync(PasswordCheck())));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task AdminInitiateAuthAsync_RetryOnlyUnsent_ThrottlingIsRetried()
    {
        await using var server = LoopbackAwsServer.Script(
            CannedResponse.AwsError(400, "TooManyRequestsException", "Too many requests"), CannedResponse.Json("""{"ChallengeName":"SMS_MFA"}"""));
        using var http = new HttpClient();
        var clock = new ManualClock(_start);

        var answer = await DriveAsync(clock, Client(server, http, clock, _unsentOnly).AdminInitiateAuthAsync(PasswordCheck()));

        Assert.Equal("SMS_MFA", answer.ChallengeName);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public void IsUnsent_ConnectionNeverMadeYesTimeoutOrDroppedAnswerNo()
    {
        Assert.True(AwsResilience.IsUnsent(new HttpRequestException(HttpRequestError.ConnectionError), CancellationToken.None));
        Assert.True(AwsResilience.IsUnsent(new HttpRequestException(HttpRequestError.NameResolutionError), CancellationToken.None));
        Assert.False(AwsResilience.IsUnsent(new HttpRequestException(HttpRequestError.ResponseEnded), CancellationToken.None));
        Assert.False(AwsResilience.IsUnsent(new TimeoutRejectedException(), CancellationToken.None));
        Assert.False(AwsResilience.IsUnsent(new OperationCanceledException(), CancellationToken.None));
    }

    private static CognitoIdentityProviderClient Client(LoopbackAwsServer server, HttpClient http, ManualClock clock, AwsResilienceOptions options) =>
        AwsTestClients.Cognito(server, http, AwsResilience.CreatePipeline(options, clock), clock);

    private static AdminGetUserRequest Request() => new() { UserPoolId = "eu-west-1_Old", Username = "alice" };

    /// <summary>Lets the fake clock jump to each pending delay while the call waits on one.</summary>
    private static async Task<T> DriveAsync<T>(ManualClock clock, Task<T> call)
    {
        for (var turn = 0; !call.IsCompleted; turn++)
        {
            Assert.True(turn < 3000, "the call did not finish");
            if (!clock.AdvanceToNextTimer(_shortHorizon))
            {
                await Task.WhenAny(call, Task.Delay(10));
            }
        }

        return await call;
    }
}
