using System.Text.Json;
using Trigger.Migration.Events;

namespace Trigger.UnitTests.Migration;

public sealed class TriggerJsonTests
{
    [Fact]
    public void Deserialize_RealPayloadWithNullsAndUnknownFields_Parses()
    {
        const string json = """
            {"version":"1","triggerSource":"UserMigration_Authentication","region":"eu-west-1","userPoolId":"eu-west-1_abc",
             "userName":"alice","callerContext":{"awsSdkVersion":null,"clientId":null},
             "request":{"password":"pw","validationData":null,"clientMetadata":{"k":null},"userAttributes":null},
             "response":{"userAttributes":null,"finalUserStatus":null,"messageAction":null,"desiredDeliveryMediums":null,"forceAliasCreation":null,"enableSMSMFA":null},
             "somethingNew":{"x":1}}
            """;

        var parsed = JsonSerializer.Deserialize(json, TriggerJsonContext.Default.UserMigrationEvent)!;

        Assert.Equal("alice", parsed.UserName);
        Assert.Null(parsed.Request!.ValidationData);
        Assert.Null(parsed.CallerContext!.ClientId);
    }

    [Fact]
    public void Serialize_Refusal_CarriesNoAttributesNoStatusAndNoRequest()
    {
        var trigger = new UserMigrationEvent
        {
            TriggerSource = TriggerSources.MigrationAuthentication,
            UserName = "alice",
            Request = new UserMigrationRequest { Password = "secret-pw" },
        };

        var json = JsonSerializer.Serialize(UserMigrationResult.For(trigger, UserMigrationResponse.Refusal), TriggerJsonContext.Default.UserMigrationResult);

        Assert.Contains("\"response\":{}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", json, StringComparison.Ordinal);
        Assert.DoesNotContain("request", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_Migration_UsesCognitoFieldNames()
    {
        var response = new UserMigrationResponse
        {
            UserAttributes = new Dictionary<string, string> { ["email"] = "a@example.com" },
            FinalUserStatus = "CONFIRMED",
            MessageAction = "SUPPRESS",
            EnableSmsMfa = false,
            ForceAliasCreation = false,
        };

        var json = JsonSerializer.Serialize(UserMigrationResult.For(new UserMigrationEvent(), response), TriggerJsonContext.Default.UserMigrationResult);

        Assert.Contains("\"finalUserStatus\":\"CONFIRMED\"", json, StringComparison.Ordinal);
        Assert.Contains("\"messageAction\":\"SUPPRESS\"", json, StringComparison.Ordinal);
        Assert.Contains("\"enableSMSMFA\":false", json, StringComparison.Ordinal);
        Assert.Contains("\"forceAliasCreation\":false", json, StringComparison.Ordinal);
    }
}
