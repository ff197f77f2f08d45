using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Trigger.Aws.Cognito;

/// <summary>
/// A complete UpdateUserPool request built from a described pool. UpdateUserPool resets every
/// setting it is not given (Cognito API reference, UpdateUserPool), and a typed request would also
/// drop settings newer than our model, so this request copies the raw JSON of every member
/// UpdateUserPool accepts from <see cref="DescribeUserPoolResponse.RawUserPool"/>, unknown nested
/// members included, and changes only what the caller changes.
/// </summary>
public sealed class UpdateUserPoolRequest
{
    // The request members of UpdateUserPool (Cognito API reference, UpdateUserPool, Request Parameters),
    // UserPoolId and PoolName aside. DescribeUserPool's read-only members (Id, Arn, SchemaAttributes,
    // UsernameAttributes, AliasAttributes, UsernameConfiguration, Domain, EstimatedNumberOfUsers, ...) are not among them.
    private static readonly FrozenSet<string> _settingNames = FrozenSet.ToFrozenSet(
        [
            "AccountRecoverySetting", "AdminCreateUserConfig", "AutoVerifiedAttributes", "DeletionProtection",
            "DeviceConfiguration", "EmailConfiguration", "EmailVerificationMessage", "EmailVerificationSubject",
            "IssuerConfiguration", "KeyConfiguration", "LambdaConfig", "MfaConfiguration", "Policies",
            "SmsAuthenticationMessage", "SmsConfiguration", "SmsVerificationMessage", "UserAttributeUpdateSettings",
            "UserPoolAddOns", "UserPoolTags", "UserPoolTier", "VerificationMessageTemplate",
        ],
        StringComparer.Ordinal);

    // The LambdaConfig members that hold a plain function ARN (Cognito API reference, LambdaConfigType).
    private static readonly FrozenSet<string> _triggerNames = FrozenSet.ToFrozenSet(
        [
            "PreSignUp", "CustomMessage", "PostConfirmation", "PreAuthentication", "PostAuthentication",
            "DefineAuthChallenge", "CreateAuthChallenge", "VerifyAuthChallengeResponse", "PreTokenGeneration",
            "UserMigration",
        ],
        StringComparer.Ordinal);

    private readonly JsonObject _body;

    private UpdateUserPoolRequest(string userPoolId, JsonObject body)
    {
        UserPoolId = userPoolId;
        _body = body;
    }

    /// <summary>The pool to update.</summary>
    public string UserPoolId { get; }

    /// <summary>
    /// A request that writes back every current setting of the pool unchanged: the members
    /// UpdateUserPool accepts are copied from <paramref name="describedUserPool"/> as they are,
    /// <c>Name</c> becomes <c>PoolName</c>, and the legacy <c>AdminCreateUserConfig.UnusedAccountValidityDays</c>
    /// is left out when <c>Policies.PasswordPolicy.TemporaryPasswordValidityDays</c> is set, because the two
    /// cannot be set together (Cognito API reference, PasswordPolicyType).
    /// </summary>
    /// <param name="describedUserPool"><see cref="DescribeUserPoolResponse.RawUserPool"/>.</param>
    /// <exception cref="ArgumentException">The element is not a described pool with an <c>Id</c>.</exception>
    public static UpdateUserPoolRequest FromDescribedUserPool(JsonElement describedUserPool)
    {
        if (describedUserPool.ValueKind != JsonValueKind.Object
            || !describedUserPool.TryGetProperty("Id", out var id)
            || id.ValueKind != JsonValueKind.String
            || string.IsNullOrEmpty(id.GetString()))
        {
            throw new ArgumentException(
                "Expected the UserPool object of a DescribeUserPool answer, with an Id.", nameof(describedUserPool));
        }

        var userPoolId = id.GetString()!;
        var body = new JsonObject { ["UserPoolId"] = userPoolId };
        foreach (var member in describedUserPool.EnumerateObject())
        {
            if (_settingNames.Contains(member.Name) && member.Value.ValueKind != JsonValueKind.Null)
            {
                body[member.Name] = JsonNode.Parse(member.Value.GetRawText());
            }
        }

        if (describedUserPool.TryGetProperty("Name", out var name) && name.ValueKind == JsonValueKind.String)
        {
            body["PoolName"] = name.GetString();
        }

        if (body["Policies"]?["PasswordPolicy"]?["TemporaryPasswordValidityDays"] is not null
            && body["AdminCreateUserConfig"] is JsonObject adminCreateUser)
        {
            adminCreateUser.Remove("UnusedAccountValidityDays");
        }

        return new UpdateUserPoolRequest(userPoolId, body);
    }

    /// <summary>The function ARN of a trigger, or null when the trigger is not attached.</summary>
    /// <param name="triggerName">A <see cref="LambdaConfigType"/> member holding an ARN, for example <c>UserMigration</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="triggerName"/> is not such a member.</exception>
    public string? GetLambdaTrigger(string triggerName)
    {
        RequireTriggerName(triggerName);
        return _body["LambdaConfig"]?[triggerName] is JsonValue value && value.TryGetValue<string>(out var arn) ? arn : null;
    }

    /// <summary>Attaches a trigger (or detaches it when <paramref name="functionArn"/> is null); other triggers are kept.</summary>
    /// <param name="triggerName">A <see cref="LambdaConfigType"/> member holding an ARN, for example <c>UserMigration</c> or <c>PreSignUp</c>.</param>
    /// <param name="functionArn">The function's ARN, or null to detach.</param>
    /// <exception cref="ArgumentException"><paramref name="triggerName"/> is not such a member, or the ARN is not a Lambda ARN.</exception>
    public void SetLambdaTrigger(string triggerName, string? functionArn)
    {
        RequireTriggerName(triggerName);
        if (functionArn is not null && !functionArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            throw new ArgumentException("Expected a Lambda function ARN.", nameof(functionArn));
        }

        if (_body["LambdaConfig"] is not JsonObject lambdaConfig)
        {
            lambdaConfig = [];
            _body["LambdaConfig"] = lambdaConfig;
        }

        if (functionArn is null)
        {
            lambdaConfig.Remove(triggerName);
        }
        else
        {
            lambdaConfig[triggerName] = functionArn;
        }
    }

    /// <summary>
    /// The function of the Pre token generation trigger: the legacy <c>PreTokenGeneration</c> ARN, else
    /// <c>PreTokenGenerationConfig.LambdaArn</c> (the API reference gives both the same value); null when none.
    /// </summary>
    public string? GetPreTokenGeneration() =>
        GetLambdaTrigger("PreTokenGeneration")
        ?? (_body["LambdaConfig"]?["PreTokenGenerationConfig"]?["LambdaArn"] is JsonValue value && value.TryGetValue<string>(out var arn) ? arn : null);

    /// <summary>
    /// Attaches the Pre token generation trigger with the event version <paramref name="lambdaVersion"/>
    /// (<c>V1_0</c>, or <c>V2_0</c> on the Essentials and Plus feature plans), setting <c>PreTokenGenerationConfig</c>
    /// and the legacy <c>PreTokenGeneration</c> to the same ARN as the API reference asks; or detaches both when
    /// <paramref name="functionArn"/> is null.
    /// </summary>
    public void SetPreTokenGeneration(string? functionArn, string lambdaVersion)
    {
        ArgumentException.ThrowIfNullOrEmpty(lambdaVersion);
        SetLambdaTrigger("PreTokenGeneration", functionArn);
        var lambdaConfig = (JsonObject)_body["LambdaConfig"]!;
        if (functionArn is null)
        {
            lambdaConfig.Remove("PreTokenGenerationConfig");
        }
        else
        {
            lambdaConfig["PreTokenGenerationConfig"] = new JsonObject { ["LambdaArn"] = functionArn, ["LambdaVersion"] = lambdaVersion };
        }
    }

    /// <summary>The request body as it will be sent, for a dry run or a diff.</summary>
    public string ToJson() => _body.ToJsonString();

    internal byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(_body, CognitoJsonContext.Default.JsonObject);

    private static void RequireTriggerName(string triggerName)
    {
        if (triggerName is null || !_triggerNames.Contains(triggerName))
        {
            throw new ArgumentException(
                "Expected a LambdaConfig trigger name such as UserMigration or PreSignUp.", nameof(triggerName));
        }
    }
}

/// <summary>UpdateUserPool answers with an empty object.</summary>
public sealed record UpdateUserPoolResponse;
