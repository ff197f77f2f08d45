using System.Text.Json.Nodes;
using Trigger.Testing;

namespace Trigger.Cli.Tests.Support;

/// <summary>Two pools that fit together, built raw so a test can change one detail on one side.</summary>
internal static class TestPools
{
    public const string Password = "Correct-Horse-9";
    public const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:TriggerMigration-test";

    /// <summary>
    /// A CreateUserPool request: username sign-in with an email alias, case-insensitive, a custom
    /// tenant attribute, Cognito's default password policy, MFA off.
    /// </summary>
    public static JsonObject Request(string name) => new()
    {
        ["PoolName"] = name,
        ["AliasAttributes"] = new JsonArray("email"),
        ["UsernameConfiguration"] = new JsonObject { ["CaseSensitive"] = false },
        ["MfaConfiguration"] = "OFF",
        ["Schema"] = new JsonArray(new JsonObject
        {
            ["Name"] = "tenant",
            ["AttributeDataType"] = "String",
            ["Mutable"] = true,
            ["StringAttributeConstraints"] = new JsonObject { ["MinLength"] = "0", ["MaxLength"] = "256" },
        }),
        ["Policies"] = new JsonObject
        {
            ["PasswordPolicy"] = new JsonObject
            {
                ["MinimumLength"] = 8,
                ["RequireUppercase"] = true,
                ["RequireLowercase"] = true,
                ["RequireNumbers"] = true,
                ["RequireSymbols"] = true,
                ["TemporaryPasswordValidityDays"] = 7,
            },
        },
    };

    public static async Task<string> CreatePoolAsync(CognitoAdmin admin, JsonObject request)
    {
        var answer = await admin.SendAsync("CreateUserPool", request);
        return answer["UserPool"]!["Id"]!.GetValue<string>();
    }

    /// <summary>
    /// The old pool (with an app client allowing ADMIN_USER_PASSWORD_AUTH) and the new pool (with a
    /// client allowing USER_PASSWORD_AUTH and hiding user existence), each request changed by the test first.
    /// </summary>
    public static async Task<PoolPair> CreatePairAsync(
        CognitoAdmin admin,
        Action<JsonObject>? oldPool = null,
        Action<JsonObject>? newPool = null,
        AppClientSpec? oldClient = null,
        AppClientSpec? newClient = null,
        bool createNewClient = true)
    {
        var oldRequest = Request("legacy-users");
        oldPool?.Invoke(oldRequest);
        var newRequest = Request("users");
        newPool?.Invoke(newRequest);

        var oldId = await CreatePoolAsync(admin, oldRequest);
        var newId = await CreatePoolAsync(admin, newRequest);
        var oldKeys = await admin.CreateAppClientAsync(oldId, oldClient ?? new AppClientSpec("trigger")
        {
            ExplicitAuthFlows = ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        });
        var newKeys = createNewClient
            ? await admin.CreateAppClientAsync(newId, newClient ?? new AppClientSpec("web")
            {
                ExplicitAuthFlows = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
                PreventUserExistenceErrors = "ENABLED",
            })
            : null;
        return new PoolPair(admin.Endpoint, oldId, newId, oldKeys, newKeys);
    }
}

/// <summary>Two pools on one endpoint and their app clients.</summary>
internal sealed record PoolPair(Uri Endpoint, string OldPoolId, string NewPoolId, AppClientKeys OldClient, AppClientKeys? NewClient)
{
    /// <summary>The pool options of a command that takes both pools, then <paramref name="extra"/>.</summary>
    public string[] Args(string command, params string[] extra) =>
    [
        command,
        "--old-pool-id", OldPoolId,
        "--new-pool-id", NewPoolId,
        "--old-endpoint-url", Endpoint.ToString(),
        "--new-endpoint-url", Endpoint.ToString(),
        .. extra,
    ];

    /// <summary>The options of enable/disable, then <paramref name="extra"/>.</summary>
    public string[] NewPoolArgs(string command, params string[] extra) =>
        [command, "--new-pool-id", NewPoolId, "--new-endpoint-url", Endpoint.ToString(), .. extra];
}
