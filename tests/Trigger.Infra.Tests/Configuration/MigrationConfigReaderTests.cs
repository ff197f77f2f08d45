using System.Text.Json.Nodes;
using Trigger.Contract;
using Trigger.Infra.Configuration;

namespace Trigger.Infra.Tests;

public sealed class MigrationConfigReaderTests
{
    private const string Source = "test.jsonc";

    [Fact]
    public void ReadFile_CheckedInFile_IsValid()
    {
        // Operators replace the example entries; whatever they check in must stay valid.
        var settings = MigrationConfigReader.ReadFile(Path.Combine(RepositoryRoot.Path, TriggerApp.DefaultConfigFile));

        Assert.NotEmpty(settings.Migrations);
    }

    [Fact]
    public void Read_OldRegionOmitted_DefaultsToThePoolIdPrefix()
    {
        var json = ValidConfig();
        Migration(json)["oldPool"]!.AsObject().Remove("region");

        var migration = MigrationConfigReader.Read(json.ToJsonString(), Source).Migrations.Single();

        Assert.Equal("eu-west-1", migration.OldPool.Region);
        Assert.Equal("arn:aws:cognito-idp:eu-west-1:111111111111:userpool/eu-west-1_OldPool01", migration.OldPool.Arn);
    }

    [Fact]
    public void Read_CrossAccountRole_PutsTheOldPoolInTheRolesAccount()
    {
        var json = ValidConfig();
        Migration(json)["oldPool"]!["roleArn"] = "arn:aws:iam::222222222222:role/reader";
        Migration(json)["oldPool"]!["externalId"] = "ext-id";

        var migration = MigrationConfigReader.Read(json.ToJsonString(), Source).Migrations.Single();

        Assert.Equal("arn:aws:cognito-idp:eu-west-1:222222222222:userpool/eu-west-1_OldPool01", migration.OldPool.Arn);
        Assert.Equal("reader", migration.OldPool.CrossAccountRole!.RoleName);
        Assert.Equal("/", migration.OldPool.CrossAccountRole.RolePath);
    }

    [Fact]
    public void Read_CreatedPoolDefaults_OpenWindowNoSelfSignUpCaseInsensitive()
    {
        var pool = (CreatedNewPoolSettings)MigrationConfigReader.Read(ValidConfig().ToJsonString(), Source).Migrations.Single().NewPool;

        Assert.True(pool.MigrationWindowOpen);
        Assert.False(pool.SelfSignUpEnabled);
        Assert.False(pool.SignInCaseSensitive);
        Assert.Equal("migration", pool.ClientName);
        Assert.Contains("preferred_username", pool.SignInAliases);
    }

    [Theory]
    [InlineData("name", null, "migrations[0].name is missing")]
    [InlineData("name", "\"has space\"", "migrations[0].name \"has space\" is not a name")]
    [InlineData("account", null, "migrations[0].account is missing")]
    [InlineData("account", "\"12345\"", "migrations[0].account \"12345\" is not a 12-digit account id")]
    [InlineData("account", "111111111111", "migrations[0].account must be a string")]
    [InlineData("region", "\"europe\"", "migrations[0].region \"europe\" is not a region name")]
    [InlineData("architecture", "\"x64\"", "migrations[0].architecture \"x64\" is not x86_64 or arm64")]
    [InlineData("memorySize", "64", "migrations[0].memorySize 64 is not a whole number from 128 to 10240")]
    [InlineData("memorySize", "\"512\"", "migrations[0].memorySize \"512\" is not a whole number from 128 to 10240")]
    [InlineData("oldPool", null, "migrations[0].oldPool is missing")]
    [InlineData("oldPool.userPoolId", null, "migrations[0].oldPool.userPoolId is missing")]
    [InlineData("oldPool.userPoolId", "\"eu-west-1-OldPool01\"", "migrations[0].oldPool.userPoolId \"eu-west-1-OldPool01\" is not a user pool id")]
    [InlineData("oldPool.userPoolId", "\"moon-1_OldPool01\"", "migrations[0].oldPool.userPoolId \"moon-1_OldPool01\" is not a user pool id")]
    [InlineData("oldPool.region", "\"us-east-1\"", "migrations[0].oldPool.region \"us-east-1\" is not the region of userPoolId eu-west-1_OldPool01")]
    [InlineData("oldPool.clientId", null, "migrations[0].oldPool.clientId is missing")]
    [InlineData("oldPool.clientId", "\"bad id\"", "migrations[0].oldPool.clientId \"bad id\" is not an app client id")]
    [InlineData("oldPool.clientSecretArn", "\"arn:aws:secretsmanager:eu-west-1:111111111111:secret:customers/oldclient\"", "migrations[0].oldPool.clientSecretArn \"arn:aws:secretsmanager:eu-west-1:111111111111:secret:customers/oldclient\" is not a full Secrets Manager secret ARN")]
    [InlineData("oldPool.roleArn", "\"arn:aws:iam::222222222222:user/reader\"", "migrations[0].oldPool.roleArn \"arn:aws:iam::222222222222:user/reader\" is not an IAM role ARN")]
    [InlineData("oldPool.roleArn", "\"arn:aws:iam::222222222222:role/reader\"", "migrations[0].oldPool.externalId is missing")]
    [InlineData("oldPool.externalId", "\"ext-id\"", "migrations[0].oldPool.externalId is set without a roleArn")]
    [InlineData("oldPool.userPoolID", "\"eu-west-1_OldPool01\"", "migrations[0].oldPool.userPoolID is not a known setting")]
    [InlineData("newPool", "{}", "migrations[0].newPool.create is missing: set either newPool.create or newPool.existing")]
    [InlineData("newPool.existing", "{ \"userPoolId\": \"eu-west-1_NewPool01\" }", "migrations[0].newPool.existing cannot be set together with newPool.create")]
    [InlineData("newPool", "{ \"existing\": { \"userPoolId\": \"us-east-1_NewPool01\" } }", "migrations[0].newPool.existing.userPoolId \"us-east-1_NewPool01\" is not in the migration's region eu-west-1")]
    [InlineData("newPool", "{ \"existing\": { \"userPoolId\": \"eu-west-1_OldPool01\" } }", "migrations[0].newPool.existing.userPoolId \"eu-west-1_OldPool01\" is the old pool itself")]
    [InlineData("newPool", "{ \"existing\": { \"userPoolId\": \"eu-west-1_NewPool01\", \"preSignUpGuard\": \"yes\" } }", "migrations[0].newPool.existing.preSignUpGuard must be true or false")]
    [InlineData("newPool.create.signInAliases", null, "migrations[0].newPool.create.signInAliases is missing")]
    [InlineData("newPool.create.signInAliases", "[\"username\"]", "migrations[0].newPool.create.signInAliases holds \"username\", which is not email, phone_number or preferred_username")]
    [InlineData("newPool.create.signInAliases", "[\"email\", \"email\"]", "migrations[0].newPool.create.signInAliases lists an alias twice")]
    [InlineData("newPool.create.standardAttributes", "{ \"legacy_id\": {} }", "migrations[0].newPool.create.standardAttributes.legacy_id is not a standard attribute")]
    [InlineData("newPool.create.standardAttributes", "{ \"email\": { \"requird\": true } }", "migrations[0].newPool.create.standardAttributes.email.requird is not a known setting")]
    [InlineData("newPool.create.customAttributes", "{ \"custom:tier\": { \"type\": \"Number\" } }", "migrations[0].newPool.create.customAttributes.custom:tier is not a custom attribute name")]
    [InlineData("newPool.create.customAttributes", "{ \"tier\": { \"type\": \"Integer\" } }", "migrations[0].newPool.create.customAttributes.tier.type \"Integer\" is not String, Number, Boolean or DateTime")]
    [InlineData("newPool.create.customAttributes", "{ \"tier\": {} }", "migrations[0].newPool.create.customAttributes.tier.type is missing")]
    [InlineData("newPool.create.groups", "{ \"two words\": {} }", "migrations[0].newPool.create.groups.two words is not a group name")]
    [InlineData("newPool.create.groups", "{ \"admins\": { \"precedence\": -1 } }", "migrations[0].newPool.create.groups.admins.precedence -1 is not a whole number")]
    [InlineData("newPool.create.groups", "{ \"admins\": { \"roleArn\": \"admins\" } }", "migrations[0].newPool.create.groups.admins.roleArn \"admins\" is not an IAM role ARN")]
    [InlineData("newPool.create.groups", "{ \"admins\": { \"role\": \"x\" } }", "migrations[0].newPool.create.groups.admins.role is not a known setting")]
    [InlineData("newPool.create.passwordPolicy", "{ \"minLength\": 5 }", "migrations[0].newPool.create.passwordPolicy.minLength 5 is not a whole number from 6 to 99")]
    [InlineData("newPool.create.passwordPolicy", "{ \"minLength\": 100 }", "migrations[0].newPool.create.passwordPolicy.minLength 100 is not a whole number from 6 to 99")]
    [InlineData("newPool.create.passwordPolicy", "{ \"minLength\": 8.5 }", "migrations[0].newPool.create.passwordPolicy.minLength 8.5 is not a whole number from 6 to 99")]
    [InlineData("newPool.create.passwordPolicy", "{ \"minLength\": \"8\" }", "migrations[0].newPool.create.passwordPolicy.minLength \"8\" is not a whole number from 6 to 99")]
    [InlineData("newPool.create.passwordPolicy", "{ \"requireDigits\": \"yes\" }", "migrations[0].newPool.create.passwordPolicy.requireDigits must be true or false")]
    [InlineData("newPool.create.passwordPolicy", "{ \"requireNumbers\": true }", "migrations[0].newPool.create.passwordPolicy.requireNumbers is not a known setting")]
    [InlineData("newPool.create.passwordPolicy", "8", "migrations[0].newPool.create.passwordPolicy must be an object")]
    [InlineData("newPool", "{ \"existing\": { \"userPoolId\": \"eu-west-1_NewPool01\", \"passwordPolicy\": { \"minLength\": 8 } } }", "migrations[0].newPool.existing.passwordPolicy.requireLowercase is missing: give the existing pool's whole policy")]
    [InlineData("newPool", "{ \"existing\": { \"userPoolId\": \"eu-west-1_NewPool01\", \"passwordPolicy\": { \"minLength\": 4, \"requireLowercase\": true, \"requireUppercase\": true, \"requireDigits\": true, \"requireSymbols\": true } } }", "migrations[0].newPool.existing.passwordPolicy.minLength 4 is not a whole number from 6 to 99")]
    [InlineData("newPool", "{ \"existing\": { \"userPoolId\": \"eu-west-1_NewPool01\", \"customAttributes\": [\"custom:tier\"] } }", "migrations[0].newPool.existing.customAttributes holds \"custom:tier\", which is not a custom attribute name")]
    [InlineData("newPool", "{ \"existing\": { \"userPoolId\": \"eu-west-1_NewPool01\", \"customAttributes\": [\"tier\", \"tier\"] } }", "migrations[0].newPool.existing.customAttributes lists \"tier\" twice")]
    [InlineData("newPool", "{ \"existing\": { \"userPoolId\": \"eu-west-1_NewPool01\", \"customAttributes\": { \"tier\": {} } } }", "migrations[0].newPool.existing.customAttributes must be an array of strings")]
    [InlineData("alarmTopicArn", "\"arn:aws:sns:us-east-1:111111111111:alarms\"", "migrations[0].alarmTopicArn \"arn:aws:sns:us-east-1:111111111111:alarms\" is not in the migration's region eu-west-1")]
    [InlineData("alarmTopicArn", "\"alarms\"", "migrations[0].alarmTopicArn \"alarms\" is not an SNS topic ARN")]
    public void Read_WrongOrMissingValue_FailsWithOneMessageNamingIt(string path, string? value, string expected)
    {
        var json = ValidConfig();
        Set(Migration(json), path, value);

        var error = Assert.Throws<MigrationConfigException>(() => MigrationConfigReader.Read(json.ToJsonString(), Source));

        Assert.StartsWith($"{Source}: {expected}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Read_CreatedPoolWithoutPasswordPolicy_TakesCognitosDefaultPolicy()
    {
        var pool = (CreatedNewPoolSettings)MigrationConfigReader.Read(ValidConfig().ToJsonString(), Source).Migrations.Single().NewPool;

        Assert.Equal(new PasswordPolicy(8, true, true, true, true), pool.PasswordPolicy);
        Assert.Empty(pool.CustomAttributeNames);
    }

    [Fact]
    public void Read_CreatedPoolPartialPasswordPolicy_TakesCognitosDefaultsForTheRest()
    {
        var json = ValidConfig();
        Set(Migration(json), "newPool.create.passwordPolicy", """{ "minLength": 14, "requireUppercase": false }""");

        var pool = (CreatedNewPoolSettings)MigrationConfigReader.Read(json.ToJsonString(), Source).Migrations.Single().NewPool;

        Assert.Equal(new PasswordPolicy(14, true, false, true, true), pool.PasswordPolicy);
    }

    [Fact]
    public void Read_ExistingPoolWithSchemaAndPolicy_KnowsBoth()
    {
        var json = ValidConfig();
        Set(Migration(json), "newPool", """
            { "existing": { "userPoolId": "eu-west-1_NewPool01", "customAttributes": ["tier", "tenant"],
              "passwordPolicy": { "minLength": 6, "requireLowercase": false, "requireUppercase": false, "requireDigits": true, "requireSymbols": false } } }
            """);

        var pool = MigrationConfigReader.Read(json.ToJsonString(), Source).Migrations.Single().NewPool;

        Assert.Equal(["tenant", "tier"], pool.CustomAttributeNames.Order(StringComparer.Ordinal));
        Assert.Equal(new PasswordPolicy(6, false, false, true, false), pool.KnownPasswordPolicy);
    }

    [Fact]
    public void Read_ExistingPoolWithoutSchemaOrPolicy_KnowsNeither()
    {
        var json = ValidConfig();
        Set(Migration(json), "newPool", """{ "existing": { "userPoolId": "eu-west-1_NewPool01" } }""");

        var migration = MigrationConfigReader.Read(json.ToJsonString(), Source).Migrations.Single();

        Assert.Empty(migration.NewPool.CustomAttributeNames);
        Assert.Null(migration.NewPool.KnownPasswordPolicy);
        Assert.Same(FunctionSettings.None, migration.FunctionSettings);
    }

    [Fact]
    public void Read_NoMigrations_FailsNamingTheList()
    {
        var error = Assert.Throws<MigrationConfigException>(() => MigrationConfigReader.Read("""{ "migrations": [] }""", Source));

        Assert.Equal($"{Source}: migrations is empty: describe at least one migration", error.Message);
    }

    [Fact]
    public void Read_UnknownTopLevelKey_FailsNamingIt()
    {
        var error = Assert.Throws<MigrationConfigException>(() => MigrationConfigReader.Read("""{ "migrations": [], "migration": [] }""", Source));

        Assert.Equal($"{Source}: migration is not a known setting", error.Message);
    }

    [Fact]
    public void Read_InvalidJson_FailsNamingTheLine()
    {
        var error = Assert.Throws<MigrationConfigException>(() => MigrationConfigReader.Read("{\n  \"migrations\": [\n  }", Source));

        Assert.StartsWith($"{Source}: not valid JSON at line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TwoMigrationsWithOneName_FailsNamingIt()
    {
        var json = ValidConfig();
        json["migrations"]!.AsArray().Add(Migration(json).DeepClone());

        var error = Assert.Throws<MigrationConfigException>(() => MigrationConfigReader.Read(json.ToJsonString(), Source));

        Assert.Equal($"{Source}: migrations names \"Customers\" twice: each migration needs its own name", error.Message);
    }

    [Fact]
    public void Read_OneRoleWithTwoExternalIds_FailsNamingTheRole()
    {
        var json = ValidConfig();
        var second = Migration(json).DeepClone().AsObject();
        second["name"] = "CustomersDr";
        second["region"] = "eu-central-1";
        json["migrations"]!.AsArray().Add(second);
        var ids = new[] { "first-id", "second-id" };
        foreach (var (migration, id) in json["migrations"]!.AsArray().Zip(ids))
        {
            migration!["oldPool"]!["roleArn"] = "arn:aws:iam::222222222222:role/reader";
            migration["oldPool"]!["externalId"] = id;
        }

        var error = Assert.Throws<MigrationConfigException>(() => MigrationConfigReader.Read(json.ToJsonString(), Source));

        Assert.Equal($"{Source}: migrations give the role arn:aws:iam::222222222222:role/reader different externalId values: one role has one external id", error.Message);
    }

    [Fact]
    public void ReadFile_MissingFile_FailsNamingIt()
    {
        var error = Assert.Throws<MigrationConfigException>(() => MigrationConfigReader.ReadFile("no/such/migrations.jsonc"));

        Assert.Contains("no/such/migrations.jsonc does not exist", error.Message, StringComparison.Ordinal);
    }

    private static JsonObject ValidConfig() => JsonNode.Parse("""
        {
          "migrations": [
            {
              "name": "Customers",
              "account": "111111111111",
              "region": "eu-west-1",
              "oldPool": {
                "userPoolId": "eu-west-1_OldPool01",
                "region": "eu-west-1",
                "clientId": "oldclient01"
              },
              "newPool": { "create": { "signInAliases": ["email", "preferred_username"] } }
            }
          ]
        }
        """)!.AsObject();

    private static JsonObject Migration(JsonObject config) => config["migrations"]![0]!.AsObject();

    /// <summary>Sets (or, for a null value, removes) the value at a dotted path, creating nothing on the way.</summary>
    private static void Set(JsonObject migration, string path, string? value)
    {
        var keys = path.Split('.');
        var parent = keys[..^1].Aggregate(migration, (node, key) => node[key]!.AsObject());
        if (value is null)
        {
            parent.Remove(keys[^1]);
        }
        else
        {
            parent[keys[^1]] = JsonNode.Parse(value);
        }
    }
}
