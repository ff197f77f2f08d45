namespace Trigger.Infra.Tests;

/// <summary>The configuration the template tests synthesise: every mode the app supports.</summary>
internal static class TestMigrations
{
    public const string FunctionAccount = "111111111111";
    public const string OldAccount = "222222222222";
    public const string SecretArn = "arn:aws:secretsmanager:eu-west-1:111111111111:secret:customers/old-client-AbC123";
    public const string TopicArn = "arn:aws:sns:eu-west-1:111111111111:migration-alarms";
    public const string DrTopicArn = "arn:aws:sns:eu-central-1:111111111111:migration-alarms";
    public const string OldRoleArn = "arn:aws:iam::222222222222:role/migration/old-pool-reader";
    public const string ExternalId = "partners-2024";

    public static readonly string[] StackNames =
    [
        "TriggerMigration-Created",
        "TriggerMigration-Dr",
        "TriggerMigration-Existing",
        "TriggerMigration-ExistingDr",
        "TriggerMigration-Unguarded",
        "TriggerMigration-Closed",
        "TriggerMigration-Folded",
        "TriggerMigration-Plus",
        "TriggerMigration-NoGroups",
        "TriggerOldPoolAccess-222222222222-old-pool-reader",
    ];

    public const string Json = """
        // Comments are allowed, as in infra/migrations.jsonc.
        {
          "migrations": [
            {
              "name": "Created",
              "account": "111111111111",
              "region": "eu-west-1",
              "oldPool": {
                "userPoolId": "eu-west-1_OldPool01",
                "region": "eu-west-1",
                "clientId": "oldclient01",
                "clientSecretArn": "arn:aws:secretsmanager:eu-west-1:111111111111:secret:customers/old-client-AbC123"
              },
              "newPool": {
                "create": {
                  "userPoolName": "customers",
                  "clientName": "web",
                  "signInAliases": ["email", "preferred_username"],
                  "standardAttributes": {
                    "email": { "required": false, "mutable": true },
                    "preferred_username": { "mutable": true },
                    "given_name": { "required": true, "mutable": false }
                  },
                  "customAttributes": {
                    "tier": { "type": "Number" },
                    "legacy_id": { "type": "String", "mutable": false },
                    "tenant": { "type": "String" }
                  },
                  "passwordPolicy": { "minLength": 12, "requireSymbols": false },
                  "selfSignUpEnabled": true,
                  "groups": {
                    "admins": { "description": "Full access", "precedence": 1, "roleArn": "arn:aws:iam::111111111111:role/admins" },
                    "editors": { "precedence": 5 }
                  }
                }
              },
              "functionSettings": {
                "aliasAttributes": ["preferred_username", "email"],
                "attributeRenames": { "custom:org": "custom:tenant", "custom:level": "custom:tier" },
                "legacySubAttribute": "custom:legacy_id",
                "weakPasswordAction": "refuse",
                "preSignUpFailOpen": true
              },
              "alarmTopicArn": "arn:aws:sns:eu-west-1:111111111111:migration-alarms"
            },
            {
              "name": "Dr",
              "account": "111111111111",
              "region": "eu-central-1",
              "architecture": "arm64",
              "memorySize": 512,
              "oldPool": {
                "userPoolId": "eu-west-1_OldPool01",
                "clientId": "oldclient01",
                "clientSecretArn": "arn:aws:secretsmanager:eu-west-1:111111111111:secret:customers/old-client-AbC123"
              },
              "newPool": { "create": { "signInAliases": ["email", "preferred_username"] } },
              "alarmTopicArn": "arn:aws:sns:eu-central-1:111111111111:migration-alarms"
            },
            {
              "name": "Existing",
              "account": "111111111111",
              "region": "us-east-1",
              "oldPool": {
                "userPoolId": "us-east-1_OldPool02",
                "clientId": "oldclient02",
                "roleArn": "arn:aws:iam::222222222222:role/migration/old-pool-reader",
                "externalId": "partners-2024"
              },
              "newPool": {
                "existing": {
                  "userPoolId": "us-east-1_NewPool02",
                  "customAttributes": ["tenant", "legacy_id"],
                  "passwordPolicy": { "minLength": 10, "requireLowercase": true, "requireUppercase": false, "requireDigits": true, "requireSymbols": false }
                }
              },
              "functionSettings": { "legacySubAttribute": "custom:legacy_id", "weakPasswordAction": "reset", "preSignUpFailOpen": false }
            },
            {
              "name": "ExistingDr",
              "account": "111111111111",
              "region": "us-west-2",
              "oldPool": {
                "userPoolId": "us-east-1_OldPool02",
                "clientId": "oldclient02",
                "roleArn": "arn:aws:iam::222222222222:role/migration/old-pool-reader",
                "externalId": "partners-2024"
              },
              "newPool": { "existing": { "userPoolId": "us-west-2_NewPool03" } }
            },
            {
              "name": "Unguarded",
              "account": "111111111111",
              "region": "us-east-1",
              "oldPool": { "userPoolId": "us-east-1_OldPool04", "clientId": "oldclient04" },
              "newPool": { "existing": { "userPoolId": "us-east-1_NewPool04", "preSignUpGuard": false } }
            },
            {
              "name": "Closed",
              "account": "111111111111",
              "region": "eu-west-1",
              "oldPool": { "userPoolId": "eu-west-1_OldPool05", "clientId": "oldclient05" },
              "newPool": { "create": { "signInAliases": [], "migrationWindowOpen": false } }
            },
            {
              "name": "Folded",
              "account": "111111111111",
              "region": "eu-west-1",
              "oldPool": { "userPoolId": "eu-west-1_OldPool06", "clientId": "oldclient06" },
              "newPool": { "create": { "signInAliases": ["email"], "signInCaseSensitive": false } },
              "foldIndex": true
            },
            {
              "name": "Plus",
              "account": "111111111111",
              "region": "eu-west-1",
              "oldPool": { "userPoolId": "eu-west-1_OldPool07", "clientId": "oldclient07" },
              "newPool": { "create": { "signInAliases": [], "featurePlan": "plus" } }
            },
            {
              "name": "NoGroups",
              "account": "111111111111",
              "region": "eu-west-1",
              "oldPool": { "userPoolId": "eu-west-1_OldPool08", "clientId": "oldclient08" },
              "newPool": { "create": { "signInAliases": [] } },
              "carryGroups": false
            }
          ]
        }
        """;
}
