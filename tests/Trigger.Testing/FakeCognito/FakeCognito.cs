// FakeCognito: a scriptable stand-in for the parts of Amazon Cognito (and one Secrets Manager call)
// that cognito-local lacks, for tests on 127.0.0.1 only.
//
// What it is: an in-process Kestrel server speaking the JSON 1.1 protocol
// (POST /, X-Amz-Target: AWSCognitoIdentityProviderService.<Op> or secretsmanager.GetSecretValue),
// with in-memory pools. It implements CreateUserPool, UpdateUserPool (resets omitted settings, as
// Cognito does), DescribeUserPool, CreateUserPoolClient, DescribeUserPoolClient, ListUserPoolClients,
// AdminCreateUser, AdminGetUser, AdminSetUserPassword, AdminDisableUser, AdminEnableUser,
// AdminResetUserPassword, AdminDeleteUser, AdminUpdateUserAttributes, AdminInitiateAuth (ADMIN_USER_PASSWORD_AUTH only),
// ListUsers (Filter, Limit <= 60, PaginationToken, scriptable short pages), GetCSVHeader and the
// CSV import job with a pre-signed-URL-like PUT on the same server.
//
// What it fakes, honestly:
// - No SigV4 check at all; it only records whether an Authorization header was present.
// - Tokens are opaque "fake-*-token.*" strings, not JWTs; no refresh, no RespondToAuthChallenge.
// - Lockout after 5 wrong passwords follows the documented shape (1 s doubling to 15 min), not
//   Cognito's exact timings. Password "symbols" are any non-alphanumeric character.
// - Import jobs run synchronously at StartUserImportJob; DescribeUserImportJob reports InProgress
//   for a configurable number of polls first. No CloudWatch: read ImportLog(jobId) instead.
// - Triggers (Lambda) are never invoked: that is cognito-local's job in this repository. NameForTriggers
//   says what a pool would put in an event's names, so tests can build the events a pool would send.
// - Case rule per pool (UsernameConfiguration.CaseSensitive, default true): a case-insensitive pool
//   folds usernames, email and preferred_username to lowercase on look-up (AdminGetUser, sign-in,
//   ListUsers filters on email/preferred_username) and in NameForTriggers, after the developer guide's
//   "User pool case sensitivity". The username filter of ListUsers stays exact (API reference). How
//   Cognito folds letters outside ASCII is not documented; the fake lower-cases invariantly.
// - Errors use the real shape: HTTP 400 + {"__type", "message"} + x-amzn-RequestId, 500 for
//   InternalErrorException; messages follow Cognito's wording where it is documented.
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Trigger.Testing;

/// <summary>
/// A scriptable fake of Amazon Cognito's JSON 1.1 API (plus Secrets Manager GetSecretValue) on a free
/// 127.0.0.1 port: in-memory pools, real error shapes, a fault script (<see cref="Faults"/>), a call log
/// without secrets (<see cref="Calls"/>), short ListUsers pages and the CSV import job. It never checks
/// SigV4 signatures. See the header of this file for everything it fakes.
/// </summary>
public sealed class FakeCognito : IAsyncDisposable
{
    private const string CognitoPrefix = "AWSCognitoIdentityProviderService";
    private const string SecretsManagerPrefix = "secretsmanager";
    private const string Json11 = "application/x-amz-json-1.1";

    private readonly WebApplication _app;
    private readonly FakeIdentityProvider _identityProvider;
    private readonly FakeSecretsManager _secrets;
    private readonly TimeProvider _time;
    private readonly List<FakeCall> _calls = [];
    private readonly ConcurrentDictionary<(string Operation, string? ErrorType), long> _answered = new();
    private readonly bool _keepCallLog;
    private int _disposed;

    private FakeCognito(WebApplication app, FakeIdentityProvider identityProvider, FakeSecretsManager secrets, FakeCognitoOptions options)
    {
        _app = app;
        _identityProvider = identityProvider;
        _secrets = secrets;
        _time = options.TimeProvider;
        _keepCallLog = options.KeepCallLog;
        Faults = new FakeCognitoFaults(options.TimeProvider);
    }

    /// <summary>The endpoint, <c>http://127.0.0.1:{port}/</c>, for Cognito and Secrets Manager alike.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The fault script: throttling, 500s, chosen errors, delays, quotas.</summary>
    public FakeCognitoFaults Faults { get; }

    /// <summary>
    /// How many items a page of ListGroups, AdminListGroupsForUser or ListUsersInGroup holds, given the
    /// operation and the request's Limit (clamped to 0..Limit); null: Limit. Short pages still carry a NextToken.
    /// </summary>
    public Func<string, int, int>? GroupPageSize
    {
        get => _identityProvider.GroupPageSize;
        set => _identityProvider.GroupPageSize = value;
    }

    /// <summary>
    /// Chooses how many users each ListUsers page holds (clamped to 0..Limit); null: full pages.
    /// Called under the fake's lock: keep it a pure function (a counter is fine), never call the fake from it.
    /// </summary>
    public Func<ListUsersPageRequest, int>? ListUsersPageSize
    {
        get => _identityProvider.ListUsersPageSize;
        set => _identityProvider.ListUsersPageSize = value;
    }

    /// <summary>Every call received so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<FakeCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Starts the fake on a free loopback port.</summary>
    /// <exception cref="ArgumentException">An option is invalid (named in the message).</exception>
    public static async Task<FakeCognito> StartAsync(FakeCognitoOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeCognitoOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Region, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AccountId, nameof(options));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.ImportJobPollsBeforeCompletion, nameof(options));

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            // Import files may be up to 100 MB; Kestrel's default limit is 30 MB.
            kestrel.Limits.MaxRequestBodySize = 110L * 1024 * 1024;
        });
        var app = builder.Build();
        var fake = new FakeCognito(app, new FakeIdentityProvider(options), new FakeSecretsManager(options), options);
        app.Run(fake.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without an address.");
        fake.Endpoint = new Uri(address.EndsWith('/') ? address : address + "/");
        fake._identityProvider.Endpoint = fake.Endpoint;
        return fake;
    }

    /// <summary>The calls of one operation (a snapshot).</summary>
    public IReadOnlyList<FakeCall> CallsTo(string operation) => Calls.Where(c => c.Operation == operation).ToList();

    /// <summary>
    /// How many calls of <paramref name="operation"/> were answered with <paramref name="errorType"/>
    /// (null: answered successfully). Exact, whether or not the call log is kept or cleared.
    /// </summary>
    public long Answered(string operation, string? errorType = null) =>
        _answered.TryGetValue((operation, errorType), out var count) ? count : 0;

    /// <summary>Forgets the call log.</summary>
    public void ClearCalls()
    {
        lock (_calls)
        {
            _calls.Clear();
        }
    }

    /// <summary>Seeds a Secrets Manager secret; returns its ARN. GetSecretValue finds it by name or ARN.</summary>
    public string SeedSecret(string name, string secretString) => _secrets.Seed(name, secretString);

    /// <summary>Sets a user's UserStatus directly (e.g. UNCONFIRMED, which the admin API cannot produce).</summary>
    public void SetUserStatus(string userPoolId, string username, string userStatus)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userStatus);
        _identityProvider.SetUserStatus(userPoolId, username, userStatus);
    }

    /// <summary>
    /// Makes AdminInitiateAuth answer <paramref name="challengeName"/> (SMS_MFA, SOFTWARE_TOKEN_MFA,
    /// SELECT_MFA_TYPE, MFA_SETUP, ...) after a right password for a CONFIRMED user; null removes it.
    /// </summary>
    public void SetSignInChallenge(string userPoolId, string username, string? challengeName) =>
        _identityProvider.SetSignInChallenge(userPoolId, username, challengeName);

    /// <summary>
    /// A name (a username, an email or preferred_username value) as this pool puts it in a Lambda trigger's
    /// event (<c>userName</c> of UserMigration and PreSignUp, and the attribute values): unchanged in a
    /// case-sensitive pool, folded to lowercase in a case-insensitive one (developer guide, "User pool case
    /// sensitivity": mixed-case values are flattened to lowercase in the pool's output, Lambda trigger input
    /// events included). The fake does not invoke triggers itself; tests build events with this.
    /// </summary>
    public string NameForTriggers(string userPoolId, string name) => _identityProvider.NameForTriggers(userPoolId, name);

    /// <summary>The per-line result of an import job, as Cognito would log it to CloudWatch (empty before it ran).</summary>
    public IReadOnlyList<FakeImportLine> ImportLog(string jobId) => _identityProvider.ImportLog(jobId);

    /// <summary>Adds CONFIRMED, enabled users (a random <c>sub</c> each) straight into a pool, without a call per user.</summary>
    public void SeedUsers(string userPoolId, IEnumerable<(string Username, IReadOnlyDictionary<string, string> Attributes)> users) =>
        _identityProvider.SeedUsers(userPoolId, users);

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await _app.StopAsync(stop.Token);
        }

        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString();
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        var path = context.Request.Path.Value ?? "/";
        if (HttpMethods.IsPut(context.Request.Method) && path.StartsWith(FakeIdentityProvider.UploadPathPrefix, StringComparison.Ordinal))
        {
            await HandleUploadAsync(context, path[FakeIdentityProvider.UploadPathPrefix.Length..], requestId);
        }
        else if (HttpMethods.IsGet(context.Request.Method) && path == "/health")
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"ok\":true}", context.RequestAborted);
        }
        else if (HttpMethods.IsPost(context.Request.Method) && path == "/")
        {
            await HandleJsonAsync(context);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private async Task HandleJsonAsync(HttpContext context)
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var dot = target.LastIndexOf('.');
        var service = dot > 0 ? target[..dot] : string.Empty;
        var operation = dot > 0 ? target[(dot + 1)..] : target;
        var isSecrets = service == SecretsManagerPrefix;
        if (service != CognitoPrefix && !isSecrets)
        {
            await WriteErrorAsync(context, new CognitoFault("UnknownOperationException", $"Unknown X-Amz-Target '{target}'."));
            return;
        }

        JsonObject request;
        try
        {
            var body = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted);
            request = string.IsNullOrWhiteSpace(body) ? [] : JsonNode.Parse(body) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            await WriteErrorAsync(context, new CognitoFault("SerializationException", "The request body is not a JSON object."));
            return;
        }

        var call = Record(operation, RequestRedaction.Summarize(request), context);
        try
        {
            var decision = Faults.Decide(operation, request);
            if (decision.Delay > TimeSpan.Zero)
            {
                await Task.Delay(decision.Delay, _time, context.RequestAborted);
            }

            if (decision.Error is { Kind: not FaultKind.LoseAnswer } fault)
            {
                throw ToFault(fault, isSecrets);
            }

            var answer = isSecrets
                ? operation == "GetSecretValue"
                    ? _secrets.GetSecretValue(request)
                    : throw new CognitoFault("UnknownOperationException", $"The fake Secrets Manager does not implement {operation}.")
                : _identityProvider.Invoke(operation, request);
            if (decision.Error is { Kind: FaultKind.LoseAnswer })
            {
                throw new CognitoFault("InternalErrorException", "Internal server error (the operation was carried out).", 500);
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = Json11;
            await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
            Complete(call, 200, null);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            Complete(call, 499, null);
        }
        catch (CognitoFault fault)
        {
            await WriteErrorAsync(context, fault);
            Complete(call, fault.StatusCode, fault.Type);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug in the fake or in a test's predicate: answer like a 5xx so the test sees it.
            var fault = new CognitoFault("InternalErrorException", $"The fake Cognito failed: {ex.GetType().Name}: {ex.Message}", 500);
            await WriteErrorAsync(context, fault);
            Complete(call, fault.StatusCode, fault.Type);
        }
    }

    private static CognitoFault ToFault(FaultRule rule, bool isSecrets) => rule.Kind switch
    {
        FaultKind.Throttle => new CognitoFault(isSecrets ? "ThrottlingException" : "TooManyRequestsException", "Rate exceeded"),
        FaultKind.InternalError => new CognitoFault(isSecrets ? "InternalServiceError" : "InternalErrorException", "Internal server error.", 500),
        _ => new CognitoFault(rule.ErrorType!, rule.Message!, rule.StatusCode),
    };

    private async Task HandleUploadAsync(HttpContext context, string jobId, string requestId)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var encryption = context.Request.Headers["x-amz-server-side-encryption"].ToString();
        var summary = new JsonObject
        {
            ["JobId"] = jobId,
            ["Bytes"] = buffer.Length,
            ["ServerSideEncryption"] = encryption.Length == 0 ? null : encryption,
        };
        var call = Record("PutImportFile", summary.ToJsonString(), context);
        var (status, code, message) = _identityProvider.AcceptUpload(
            jobId, context.Request.Query["X-Amz-Signature"].ToString(), encryption.Length == 0 ? null : encryption, buffer.ToArray());
        context.Response.StatusCode = status;
        if (code is null)
        {
            context.Response.Headers.ETag = $"\"{Convert.ToHexString(System.Security.Cryptography.MD5.HashData(buffer.ToArray())).ToLowerInvariant()}\"";
        }
        else
        {
            // S3 answers errors in XML.
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync(
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{WebUtility.HtmlEncode(message)}</Message><RequestId>{requestId}</RequestId></Error>",
                context.RequestAborted);
        }

        Complete(call, status, code);
    }

    private static async Task WriteErrorAsync(HttpContext context, CognitoFault fault)
    {
        context.Response.StatusCode = fault.StatusCode;
        context.Response.ContentType = Json11;
        var body = new JsonObject { ["__type"] = fault.Type, ["message"] = fault.Message };
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private FakeCall Record(string operation, string summary, HttpContext context)
    {
        var call = new FakeCall(operation, _time.GetUtcNow(), summary, context.Request.Headers.Authorization.Count > 0, null, null);
        if (!_keepCallLog)
        {
            return call;
        }

        lock (_calls)
        {
            _calls.Add(call);
        }

        return call;
    }

    private void Complete(FakeCall call, int statusCode, string? errorType)
    {
        _answered.AddOrUpdate((call.Operation, statusCode == 200 ? null : errorType ?? statusCode.ToString(CultureInfo.InvariantCulture)), 1, (_, n) => n + 1);
        if (!_keepCallLog)
        {
            return;
        }

        lock (_calls)
        {
            // By reference: ClearCalls may have emptied the log meanwhile.
            var index = _calls.FindIndex(c => ReferenceEquals(c, call));
            if (index >= 0)
            {
                _calls[index] = call with { StatusCode = statusCode, ErrorType = errorType };
            }
        }
    }
}
