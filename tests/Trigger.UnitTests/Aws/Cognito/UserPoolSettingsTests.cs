using System.Text.Json;
using System.Text.Json.Nodes;
using Trigger.Aws.Cognito;

namespace Trigger.UnitTests.Aws;

/// <summary>DescribeUserPool read typed and raw, and UpdateUserPool writing every setting back.</summary>
public sealed class UserPoolSettingsTests
{
    private const string MigrationArn = "arn:aws:lambda:eu-west-1:123456789012:function:user-migration";

    private const string DescribedPool = """
        {"UserPool":{
          "Id":"eu-west-1_New","Name":"new-pool","Arn":"arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_New",
          "CreationDate":1700000000.5,"LastModifiedDate":1700000100,"Status":"Enabled",
          "LambdaConfig":{"PreAuthentication":"arn:aws:lambda:eu-west-1:123456789012:function:pre-auth",
                          "PreTokenGenerationConfig":{"LambdaVersion":"V2_0","LambdaArn":"arn:aws:lambda:eu-west-1:123456789012:function:pre-token"},
                          "FutureTrigger":"arn:aws:lambda:eu-west-1:123456789012:function:future"},
          "Policies":{"PasswordPolicy":{"MinimumLength":12,"RequireUppercase":true,"RequireLowercase":true,"RequireNumbers":true,
                                        "RequireSymbols":false,"TemporaryPasswordValidityDays":3},
                      "SignInPolicy":{"AllowedFirstAuthFactors":["PASSWORD"]}},
          "DeletionProtection":"ACTIVE",
          "SchemaAttributes":[{"Name":"email","AttributeDataType":"String","DeveloperOnlyAttribute":false,"Mutable":true,"Required":true,
                               "StringAttributeConstraints":{"MinLength":"0","MaxLength":"2048"}},
                              {"Name":"tenant","AttributeDataType":"String","Mutable":true,"Required":false}],
          "AutoVerifiedAttributes":["email"],"AliasAttributes":["email","preferred_username"],
          "VerificationMessageTemplate":{"DefaultEmailOption":"CONFIRM_WITH_CODE"},
          "EmailVerificationMessage":"Your code is {####}","EmailVerificationSubject":"Your code",
          "UserAttributeUpdateSettings":{"AttributesRequireVerificationBeforeUpdate":["email"]},
          "MfaConfiguration":"OPTIONAL","EstimatedNumberOfUsers":1234,
          "DeviceConfiguration":{"ChallengeRequiredOnNewDevice":true,"DeviceOnlyRememberedOnUserPrompt":false},
          "EmailConfiguration":{"EmailSendingAccount":"COGNITO_DEFAULT"},
          "SmsConfiguration":{"SnsCallerArn":"arn:aws:iam::123456789012:role/sms","ExternalId":"ext","SnsRegion":"eu-west-1"},
          "UserPoolTags":{"team":"identity"},
          "Domain":"new-pool-domain",
          "AdminCreateUserConfig":{"AllowAdminCreateUserOnly":true,"UnusedAccountValidityDays":7,
                                   "InviteMessageTemplate":{"EmailMessage":"Hi {username} {####}","EmailSubject":"Welcome"}},
          "UserPoolAddOns":{"AdvancedSecurityMode":"AUDIT","AdvancedSecurityAdditionalFlows":{"CustomAuthMode":"AUDIT"}},
          "UsernameConfiguration":{"CaseSensitive":false},
          "AccountRecoverySetting":{"RecoveryMechanisms":[{"Priority":1,"Name":"verified_email"}]},
          "UserPoolTier":"ESSENTIALS",
          "SettingFromTheFuture":{"Keep":"me?"}
        }}
        """;

    [Fact]
    public async Task DescribeUserPoolAsync_Answer_IsTypedAndKeptRaw()
    {
        await using var server = LoopbackAwsServer.Start(_ => CannedResponse.Json(DescribedPool));
        using var http = new HttpClient();

        var described = await AwsTestClients.Cognito(server, http).DescribeUserPoolAsync(new DescribeUserPoolRequest { UserPoolId = "eu-west-1_New" });

        var pool = described.UserPool!;
        Assert.Equal("eu-west-1_New", pool.Id);
        Assert.Equal("arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_New", pool.Arn);
        Assert.Null(pool.LambdaConfig!.UserMigration);
        Assert.Equal("V2_0", pool.LambdaConfig.PreTokenGenerationConfig!.LambdaVersion);
        Assert.Equal(12, pool.Policies!.PasswordPolicy!.MinimumLength);
        Assert.False(pool.UsernameConfiguration!.CaseSensitive);
        Assert.Equal(["email", "preferred_username"], pool.AliasAttributes!);
        Assert.Equal(1234, pool.EstimatedNumberOfUsers);
        Assert.Equal("tenant", pool.SchemaAttributes![1].Name);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500), pool.CreationDate);
        Assert.Equal("me?", described.RawUserPool.GetProperty("SettingFromTheFuture").GetProperty("Keep").GetString());
        Assert.Equal("AUDIT", described.RawUserPool.GetProperty("UserPoolAddOns").GetProperty("AdvancedSecurityAdditionalFlows").GetProperty("CustomAuthMode").GetString());
    }

    [Fact]
    public async Task UpdateUserPoolAsync_FromDescribedPoolWithTrigger_WritesBackEverySettingWithTheOneChange()
    {
        await using var server = LoopbackAwsServer.Start(request => request.Header("X-Amz-Target")!.EndsWith("DescribeUserPool", StringComparison.Ordinal)
            ? CannedResponse.Json(DescribedPool)
            : CannedResponse.Json("{}"));
        using var http = new HttpClient();
        var cognito = AwsTestClients.Cognito(server, http);

        var described = await cognito.DescribeUserPoolAsync(new DescribeUserPoolRequest { UserPoolId = "eu-west-1_New" });
        var update = UpdateUserPoolRequest.FromDescribedUserPool(described.RawUserPool);
        update.SetLambdaTrigger("UserMigration", MigrationArn);
        await cognito.UpdateUserPoolAsync(update);

        var sent = server.Requests[1];
        Assert.Equal("AWSCognitoIdentityProviderService.UpdateUserPool", sent.Header("X-Amz-Target"));
        var expected = JsonNode.Parse("""
            {"UserPoolId":"eu-west-1_New","PoolName":"new-pool",
             "LambdaConfig":{"PreAuthentication":"arn:aws:lambda:eu-west-1:123456789012:function:pre-auth",
                             "PreTokenGenerationConfig":{"LambdaVersion":"V2_0","LambdaArn":"arn:aws:lambda:eu-west-1:123456789012:function:pre-token"},
                             "FutureTrigger":"arn:aws:lambda:eu-west-1:123456789012:function:future",
                             "UserMigration":"arn:aws:lambda:eu-west-1:123456789012:function:user-migration"},
             "Policies":{"PasswordPolicy":{"MinimumLength":12,"RequireUppercase":true,"RequireLowercase":true,"RequireNumbers":true,
                                           "RequireSymbols":false,"TemporaryPasswordValidityDays":3},
                         "SignInPolicy":{"AllowedFirstAuthFactors":["PASSWORD"]}},
             "DeletionProtection":"ACTIVE","AutoVerifiedAttributes":["email"],
             "VerificationMessageTemplate":{"DefaultEmailOption":"CONFIRM_WITH_CODE"},
             "EmailVerificationMessage":"Your code is {####}","EmailVerificationSubject":"Your code",
             "UserAttributeUpdateSettings":{"AttributesRequireVerificationBeforeUpdate":["email"]},
             "MfaConfiguration":"OPTIONAL",
             "DeviceConfiguration":{"ChallengeRequiredOnNewDevice":true,"DeviceOnlyRememberedOnUserPrompt":false},
             "EmailConfiguration":{"EmailSendingAccount":"COGNITO_DEFAULT"},
             "SmsConfiguration":{"SnsCallerArn":"arn:aws:iam::123456789012:role/sms","ExternalId":"ext","SnsRegion":"eu-west-1"},
             "UserPoolTags":{"team":"identity"},
             "AdminCreateUserConfig":{"AllowAdminCreateUserOnly":true,"InviteMessageTemplate":{"EmailMessage":"Hi {username} {####}","EmailSubject":"Welcome"}},
             "UserPoolAddOns":{"AdvancedSecurityMode":"AUDIT","AdvancedSecurityAdditionalFlows":{"CustomAuthMode":"AUDIT"}},
             "AccountRecoverySetting":{"RecoveryMechanisms":[{"Priority":1,"Name":"verified_email"}]},
             "UserPoolTier":"ESSENTIALS"}
            """);
        var actual = JsonNode.Parse(sent.BodyText);
        Assert.True(JsonNode.DeepEquals(expected, actual), actual!.ToJsonString());
    }

    [Fact]
    public void FromDescribedUserPool_ReadOnlyMembers_AreNotSent()
    {
        var pool = JsonDocument.Parse(DescribedPool).RootElement.GetProperty("UserPool");

        var body = JsonNode.Parse(UpdateUserPoolRequest.FromDescribedUserPool(pool).ToJson())!.AsObject();

        foreach (var readOnly in new[] { "Id", "Name", "Arn", "CreationDate", "LastModifiedDate", "Status", "SchemaAttributes", "AliasAttributes", "UsernameAttributes", "UsernameConfiguration", "EstimatedNumberOfUsers", "Domain", "SettingFromTheFuture" })
        {
            Assert.False(body.ContainsKey(readOnly), readOnly);
        }
    }

    [Fact]
    public void FromDescribedUserPool_LegacyValidityDaysWithoutNewOne_IsKept()
    {
        var pool = JsonDocument.Parse("""{"Id":"p","AdminCreateUserConfig":{"UnusedAccountValidityDays":7}}""").RootElement;

        var body = JsonNode.Parse(UpdateUserPoolRequest.FromDescribedUserPool(pool).ToJson())!;

        Assert.Equal(7, body["AdminCreateUserConfig"]!["UnusedAccountValidityDays"]!.GetValue<int>());
    }

    [Fact]
    public void SetLambdaTrigger_Null_DetachesOnlyThatTrigger()
    {
        var pool = JsonDocument.Parse("""{"Id":"p","LambdaConfig":{"UserMigration":"arn:aws:lambda:x","PreSignUp":"arn:aws:lambda:y"}}""").RootElement;
        var update = UpdateUserPoolRequest.FromDescribedUserPool(pool);

        update.SetLambdaTrigger("UserMigration", null);

        Assert.Null(update.GetLambdaTrigger("UserMigration"));
        Assert.Equal("arn:aws:lambda:y", update.GetLambdaTrigger("PreSignUp"));
    }

    [Fact]
    public void SetLambdaTrigger_PoolWithoutLambdaConfig_CreatesIt()
    {
        var update = UpdateUserPoolRequest.FromDescribedUserPool(JsonDocument.Parse("""{"Id":"p"}""").RootElement);

        update.SetLambdaTrigger("PreSignUp", MigrationArn);

        Assert.Equal("""{"UserPoolId":"p","LambdaConfig":{"PreSignUp":"arn:aws:lambda:eu-west-1:123456789012:function:user-migration"}}""", update.ToJson());
    }

    [Theory]
    [InlineData("NotATrigger", MigrationArn)]
    [InlineData("PreTokenGenerationConfig", MigrationArn)]
    [InlineData("UserMigration", "my-function")]
    public void SetLambdaTrigger_BadNameOrArn_ThrowsArgumentException(string trigger, string arn)
    {
        var update = UpdateUserPoolRequest.FromDescribedUserPool(JsonDocument.Parse("""{"Id":"p"}""").RootElement);

        Assert.Throws<ArgumentException>(() => update.SetLambdaTrigger(trigger, arn));
    }

    [Theory]
    [InlineData("""[]""")]
    [InlineData("""{"Name":"no id"}""")]
    [InlineData("""{"Id":""}""")]
    public void FromDescribedUserPool_NotADescribedPool_ThrowsArgumentException(string json)
    {
        var error = Assert.Throws<ArgumentException>(() => UpdateUserPoolRequest.FromDescribedUserPool(JsonDocument.Parse(json).RootElement));

        Assert.Equal("describedUserPool", error.ParamName);
    }

    [Fact]
    public async Task DescribeUserPoolAsync_AnswerWithoutPool_GivesNoPoolAndUndefinedRaw()
    {
        await using var server = LoopbackAwsServer.Start(_ => CannedResponse.Json("{}"));
        using var http = new HttpClient();

        var described = await AwsTestClients.Cognito(server, http).DescribeUserPoolAsync(new DescribeUserPoolRequest { UserPoolId = "p" });

        Assert.Null(described.UserPool);
        Assert.Equal(JsonValueKind.Undefined, described.RawUserPool.ValueKind);
    }
}
