using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Trigger.Testing;

/// <summary>
/// The in-memory Cognito Identity Provider behind <see cref="FakeCognito"/>: pools, app clients,
/// users and import jobs, one operation at a time under one lock. The operations live in the
/// partial files next to this one (pools, users, sign-in, listing, import).
/// </summary>
internal sealed partial class FakeIdentityProvider
{
    private const string LowerAlphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly object _gate = new();
    private readonly Dictionary<string, FakeUserPool> _pools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeAppClient> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeImportJob> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<JsonObject, JsonObject>> _operations;
    private readonly FakeCognitoOptions _options;
    private readonly TimeProvider _time;

    public FakeIdentityProvider(FakeCognitoOptions options)
    {
        _options = options;
        _time = options.TimeProvider;
        _operations = new(StringComparer.Ordinal)
        {
            ["CreateUserPool"] = CreateUserPool,
            ["UpdateUserPool"] = UpdateUserPool,
            ["DescribeUserPool"] = DescribeUserPool,
            ["CreateUserPoolClient"] = CreateUserPoolClient,
            ["DescribeUserPoolClient"] = DescribeUserPoolClient,
            ["ListUserPoolClients"] = ListUserPoolClients,
            ["AdminCreateUser"] = AdminCreateUser,
            ["AdminGetUser"] = AdminGetUser,
            ["AdminSetUserPassword"] = AdminSetUserPassword,
            ["AdminDisableUser"] = r => SetEnabled(r, false),
            ["AdminEnableUser"] = r => SetEnabled(r, true),
            ["AdminResetUserPassword"] = AdminResetUserPassword,
            ["AdminDeleteUser"] = AdminDeleteUser,
            ["AdminUpdateUserAttributes"] = AdminUpdateUserAttributes,
            ["AdminInitiateAuth"] = AdminInitiateAuth,
            ["ListUsers"] = ListUsers,
            ["GetCSVHeader"] = GetCsvHeader,
            ["CreateUserImportJob"] = CreateUserImportJob,
            ["StartUserImportJob"] = StartUserImportJob,
            ["DescribeUserImportJob"] = DescribeUserImportJob,
        };
        AddGroupOperations();
    }

    /// <summary>Set once the server listens; pre-signed URLs point at it.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>See <see cref="FakeCognito.ListUsersPageSize"/>.</summary>
    public Func<ListUsersPageRequest, int>? ListUsersPageSize { get; set; }

    public IReadOnlyCollection<string> Operations => _operations.Keys;

    public JsonObject Invoke(string operation, JsonObject request)
    {
        if (!_operations.TryGetValue(operation, out var handler))
        {
            throw new CognitoFault("UnknownOperationException", $"The fake Cognito does not implement {operation}.");
        }

        lock (_gate)
        {
            return handler(request);
        }
    }

    public void SetUserStatus(string userPoolId, string username, string status)
    {
        lock (_gate)
        {
            var user = Pool(userPoolId).RequireUser(username);
            user.Status = status;
            user.ModifiedAt = Now();
        }
    }

    public string NameForTriggers(string userPoolId, string name)
    {
        lock (_gate)
        {
            return Pool(userPoolId).CaseSensitive ? name : name.ToLowerInvariant();
        }
    }

    public void SetSignInChallenge(string userPoolId, string username, string? challenge)
    {
        lock (_gate)
        {
            Pool(userPoolId).RequireUser(username).SignInChallenge = challenge;
        }
    }

    private FakeUserPool Pool(string userPoolId) =>
        _pools.TryGetValue(userPoolId, out var pool) ? pool : throw CognitoFault.PoolNotFound(userPoolId);

    private FakeUserPool Pool(JsonObject request) => Pool(RequestFields.Required(request, "UserPoolId"));

    private double Now() => _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    private static string RandomText(string alphabet, int length) => RandomNumberGenerator.GetString(alphabet, length);
}
