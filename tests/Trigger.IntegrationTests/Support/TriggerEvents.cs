using System.Text.Json.Nodes;

namespace Trigger.IntegrationTests.Support;

/// <summary>Trigger events shaped as Cognito sends them, for direct invocations through the bridge.</summary>
internal static class TriggerEvents
{
    public static string SignIn(string newPoolId, string userName, string password) => Event("UserMigration_Authentication", newPoolId, userName,
        new JsonObject { ["password"] = password, ["validationData"] = null, ["clientMetadata"] = null });

    public static string ForgotPassword(string newPoolId, string userName) => Event("UserMigration_ForgotPassword", newPoolId, userName,
        new JsonObject { ["validationData"] = null, ["clientMetadata"] = null });

    public static string SignUp(string newPoolId, string userName, string? email = null) => Event("PreSignUp_SignUp", newPoolId, userName,
        new JsonObject
        {
            ["userAttributes"] = email is null ? new JsonObject() : new JsonObject { ["email"] = email },
            ["validationData"] = null,
        });

    public static string SignUp(string newPoolId, string userName, IReadOnlyDictionary<string, string> attributes) => Event("PreSignUp_SignUp", newPoolId, userName,
        new JsonObject
        {
            ["userAttributes"] = new JsonObject(attributes.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))),
            ["validationData"] = null,
        });

    public static string AdminCreateUser(string newPoolId, string userName, string? sweepProof) => Event("PreSignUp_AdminCreateUser", newPoolId, userName,
        new JsonObject
        {
            ["userAttributes"] = new JsonObject { ["email"] = $"{userName}@example.com" },
            ["validationData"] = null,
            ["clientMetadata"] = sweepProof is null ? null : new JsonObject { ["cognito-migrate-sweep-proof"] = sweepProof },
        });

    public static string PostAuthentication(string newPoolId, string userName) => Event("PostAuthentication_Authentication", newPoolId, userName,
        new JsonObject { ["userAttributes"] = new JsonObject { ["sub"] = "sub-1" }, ["newDeviceUsed"] = false, ["clientMetadata"] = null });

    /// <summary>A Pre token generation event of <paramref name="version"/> ("1" for V1_0, "2" for V2_0) whose request names no groups yet.</summary>
    public static string TokenGeneration(string newPoolId, string userName, string source = "TokenGeneration_Authentication", string version = "1")
    {
        var json = JsonNode.Parse(Event(source, newPoolId, userName, new JsonObject
        {
            ["userAttributes"] = new JsonObject { ["sub"] = "sub-1" },
            ["groupConfiguration"] = new JsonObject { ["groupsToOverride"] = new JsonArray(), ["iamRolesToOverride"] = new JsonArray(), ["preferredRole"] = null },
            ["clientMetadata"] = null,
        }))!;
        json["version"] = version;
        json["response"] = new JsonObject { [version == "1" ? "claimsOverrideDetails" : "claimsAndScopeOverrideDetails"] = null };
        return json.ToJsonString();
    }

    private static string Event(string source, string newPoolId, string userName, JsonObject request) => new JsonObject
    {
        ["version"] = "1",
        ["triggerSource"] = source,
        ["region"] = "us-east-1",
        ["userPoolId"] = newPoolId,
        ["userName"] = userName,
        ["callerContext"] = new JsonObject { ["awsSdkVersion"] = "aws-sdk-unknown-unknown", ["clientId"] = "new-client" },
        ["request"] = request,
        ["response"] = new JsonObject(),
    }.ToJsonString();
}
