using Trigger.Aws.Cognito;
using Trigger.Cli.Commands.Groups;
using Trigger.Cli.Commands.Plan;
using Trigger.Cli.Options;
using Trigger.Contract;

namespace Trigger.Cli.Tests.Commands.Plan;

/// <summary>The plan's checks on their own: pools and clients as records, no endpoint.</summary>
public sealed class PlanChecksTests
{
    [Fact]
    public void Evaluate_IdenticalPools_FindsNothing()
    {
        var findings = PlanChecks.Evaluate(CreateInput());

        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_NewPoolHasTheMigrationTriggerWithoutTheGuard_Warns()
    {
        const string Function = "arn:aws:lambda:eu-west-1:123456789012:function:migrate";
        var input = CreateInput(newPool: Pool() with { LambdaConfig = new LambdaConfigType { UserMigration = Function } });

        var finding = Assert.Single(PlanChecks.Evaluate(input));

        Assert.Equal(("pre-sign-up-guard-missing", Severity.Warning), (finding.Code, finding.Severity));
        Assert.Contains(Function, finding.Fix, StringComparison.Ordinal);
        Assert.Empty(PlanChecks.Evaluate(CreateInput(newPool: Pool() with { LambdaConfig = new LambdaConfigType { UserMigration = Function, PreSignUp = Function } })));
    }

    [Theory]
    [InlineData(false, false, "groups-step-missing,groups-token-step-missing")]
    [InlineData(true, false, "groups-token-step-missing")]
    [InlineData(false, true, "groups-step-missing")]
    [InlineData(true, true, "")]
    public void Evaluate_OldPoolHasGroups_WarnsForEachGroupStepNotOursAndNotWhenBothAre(bool postAuthentication, bool tokenGeneration, string expected)
    {
        // PostAuthentication writes the memberships; Cognito applies them from the next sign-in, so the first tokens
        // need the Pre token generation answer. Either step missing leaves a migrated admin without cognito:groups.
        const string Function = "arn:aws:lambda:eu-west-1:123456789012:function:migrate";
        var group = new GroupType { GroupName = "admins" };
        var input = CreateInput(newPool: Pool() with
        {
            LambdaConfig = new LambdaConfigType
            {
                UserMigration = Function,
                PreSignUp = Function,
                PostAuthentication = postAuthentication ? Function : null,
                PreTokenGenerationConfig = tokenGeneration ? new LambdaVersionConfigType { LambdaArn = Function, LambdaVersion = "V1_0" } : null,
            },
        }) with
        {
            Groups = [new GroupComparison(group, group, GroupState.Same, [])],
        };

        var codes = PlanChecks.Evaluate(input).Where(f => f.Area == "groups").Select(f => f.Code);

        Assert.Equal(expected, string.Join(",", codes));
    }

    [Fact]
    public void Evaluate_PreSignUpHeldByAnotherFunction_WarnsAndAQualifiedGuardDoesNot()
    {
        const string Function = "arn:aws:lambda:eu-west-1:123456789012:function:migrate";
        const string Other = "arn:aws:lambda:eu-west-1:123456789012:function:app-sign-up";
        var input = CreateInput(newPool: Pool() with { LambdaConfig = new LambdaConfigType { UserMigration = Function, PreSignUp = Other } });

        var finding = Assert.Single(PlanChecks.Evaluate(input));

        Assert.Equal(("pre-sign-up-not-the-guard", Severity.Warning), (finding.Code, finding.Severity));
        Assert.Contains(Other, finding.Message, StringComparison.Ordinal);
        Assert.Empty(PlanChecks.Evaluate(CreateInput(newPool: Pool() with { LambdaConfig = new LambdaConfigType { UserMigration = Function, PreSignUp = Function + ":live" } })));
    }

    [Fact]
    public void Evaluate_NewNumberAttributeWithAHigherMinimum_IsBlocking()
    {
        var input = CreateInput(newPool: Pool(level: new NumberAttributeConstraintsType { MinValue = "10", MaxValue = "100" }));

        var finding = Assert.Single(PlanChecks.Evaluate(input));

        Assert.Equal(("attribute-constraints", Severity.Blocking), (finding.Code, finding.Severity));
        Assert.Contains("values 10 to 100, old pool 0 to 100", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AttributeImmutableOnlyInTheNewPool_IsAWarning()
    {
        var input = CreateInput(newPool: Pool(tenantMutable: false));

        var finding = Assert.Single(PlanChecks.Evaluate(input));

        Assert.Equal(("attribute-immutable", Severity.Warning), (finding.Code, finding.Severity));
    }

    [Fact]
    public void Evaluate_NewPoolRequiresAnAttributeOldUsersLack_WarnsWithTheSampleCount()
    {
        var newPool = Pool() with { SchemaAttributes = [.. Pool().SchemaAttributes!.Select(a => a.Name == "given_name" ? a with { Required = true } : a)] };
        var sample = new UserSample(10, [User("ann", ("given_name", "Ann")), User("bob")]);

        var finding = Assert.Single(PlanChecks.Evaluate(CreateInput(newPool: newPool, sample: sample)));

        Assert.Equal(("attribute-required", Severity.Warning), (finding.Code, finding.Severity));
        Assert.Contains("1 of the 2 sampled old users have no given_name", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SampledUsersCarryAnAttributeNeitherSchemaLists_IsBlocking()
    {
        var sample = new UserSample(10, [User("ann", ("custom:legacy_id", "42"), ("sub", "s-1"))]);

        var finding = Assert.Single(PlanChecks.Evaluate(CreateInput(sample: sample)));

        Assert.Equal(("attribute-missing", Severity.Blocking), (finding.Code, finding.Severity));
        Assert.Contains("Old users carry custom:legacy_id", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UnverifiedDuplicateEmails_AreNotSharedAliases()
    {
        var sample = new UserSample(10,
        [
            User("ann", ("email", "same@example.com"), ("email_verified", "false")),
            User("bob", ("email", "same@example.com"), ("email_verified", "true")),
        ]);

        Assert.Empty(PlanChecks.Evaluate(CreateInput(sample: sample)));
    }

    [Fact]
    public void Evaluate_NewPoolAddsPreferredUsernameWithoutASample_WarnsTheOldPoolNeverMadeItUnique()
    {
        // A client that cannot write preferred_username, so the alias-writable warning stays out of this test's way.
        var input = CreateInput(newPool: Pool() with { AliasAttributes = ["email", "preferred_username"] }) with { NewClients = [ClientWithoutPreferredUsername()] };

        var finding = Assert.Single(PlanChecks.Evaluate(input));

        Assert.Equal(("alias-not-unique", Severity.Warning), (finding.Code, finding.Severity));
        Assert.Contains("preferred_username", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NewPoolAddsPreferredUsernameThatSampledUsersShare_ListsEveryUserSharingOne()
    {
        var input = CreateInput(
            newPool: Pool() with { AliasAttributes = ["email", "preferred_username"] },
            sample: new UserSample(10,
            [
                User("ann", ("preferred_username", "ace")),
                User("bob", ("preferred_username", "Ace")),
                User("cid", ("preferred_username", "cid")),
                User("dan", ("preferred_username", "dee")),
                User("eve", ("preferred_username", "dee")),
            ])) with { NewClients = [ClientWithoutPreferredUsername()] };

        var finding = Assert.Single(PlanChecks.Evaluate(input), f => f.Area == "sign-in");

        Assert.Equal(("alias-shared", Severity.Blocking), (finding.Code, finding.Severity));
        Assert.Contains("The old pool never made preferred_username unique", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Sharing one: ace (ann, bob); dee (dan, eve).", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionEnvironment_NewPoolWithAliasesCustomAttributesAndPolicy_LeavesAllThreeToThePool()
    {
        var input = CreateInput(newPool: Pool() with
        {
            AliasAttributes = ["preferred_username", "email"],
            Policies = Policy(12, symbols: true),
        });

        var settings = FunctionEnvironment.Derive(input, new PoolTarget(PoolSide.Old, "eu-west-1_Old1", null, null), "eu-west-1", null);

        // The function reads these of the new pool itself; written here, they would freeze its values.
        var names = settings.Select(s => s.Name).ToList();
        Assert.DoesNotContain(TriggerSettingNames.AliasAttributes, names);
        Assert.DoesNotContain(TriggerSettingNames.NewCustomAttributes, names);
        Assert.DoesNotContain(TriggerSettingNames.NewPasswordPolicy, names);
    }

    [Fact]
    public void Evaluate_OldPoolWithTotpMfaAndNewPoolWithout_WarnsTwice()
    {
        var input = CreateInput(oldPool: Pool() with { MfaConfiguration = "OPTIONAL" });

        var codes = PlanChecks.Evaluate(input).Select(f => (f.Code, f.Severity));

        Assert.Equal([("mfa-totp", Severity.Warning), ("mfa-dropped", Severity.Warning)], codes);
    }

    [Fact]
    public void Evaluate_NewPoolRequiringMfa_Warns()
    {
        var input = CreateInput(newPool: Pool() with { MfaConfiguration = "ON" });

        Assert.Equal("mfa-required", Assert.Single(PlanChecks.Evaluate(input)).Code);
    }

    [Fact]
    public void Evaluate_StricterNewPasswordPolicy_NamesEachNewRuleAndThePolicyTheFunctionChecks()
    {
        var input = CreateInput(
            oldPool: Pool() with { Policies = Policy(8, symbols: false) },
            newPool: Pool() with { Policies = Policy(12, symbols: true) });

        var finding = Assert.Single(PlanChecks.Evaluate(input));

        Assert.Equal("password-policy", finding.Code);
        Assert.Contains("at least 12 characters (old pool: 8), a symbol", finding.Message, StringComparison.Ordinal);
        // The function reads the new pool's policy itself: the fix names it and does not ask for the override.
        Assert.Contains("min=12,lowercase,uppercase,numbers,symbols", finding.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain(TriggerSettingNames.NewPasswordPolicy, finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OneSrpOnlyClientBesidesAPasswordClient_WarnsForThatClientOnly()
    {
        var input = CreateInput() with
        {
            NewClients = [NewClient("web"), NewClient("mobile", flows: ["ALLOW_USER_SRP_AUTH"])],
        };

        var finding = Assert.Single(PlanChecks.Evaluate(input));

        Assert.Equal(("password-auth", Severity.Warning), (finding.Code, finding.Severity));
        Assert.Contains("mobile", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LegacyFlowNamesAndExistenceErrorsNotEnabled_CountAsPasswordSignInButWarn()
    {
        var input = CreateInput() with { NewClients = [NewClient("legacy", flows: ["USER_PASSWORD_AUTH"], existence: null)] };

        var finding = Assert.Single(PlanChecks.Evaluate(input));

        Assert.Equal(("user-existence-errors", Severity.Warning), (finding.Code, finding.Severity));
        Assert.Contains("LEGACY", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OldClientSecretWithItsArnGiven_HasNoFinding()
    {
        var client = new UserPoolClientType { ClientId = "old1", ExplicitAuthFlows = ["ALLOW_ADMIN_USER_PASSWORD_AUTH"], ClientSecret = "not-printed" };
        var withoutArn = CreateInput() with { OldClientId = "old1", OldClients = [client] };
        var withArn = withoutArn with { OldClientSecretArnGiven = true };

        Assert.Equal("old-client-secret", Assert.Single(PlanChecks.Evaluate(withoutArn)).Code);
        Assert.Empty(PlanChecks.Evaluate(withArn));
    }

    [Fact]
    public void SweepEstimate_AMillionUsers_ListsInMinutesAndCreatesInHoursAtThePasswordStepsQuota()
    {
        var estimate = new SweepEstimate(1_000_000);

        Assert.Equal("about 10 min", SweepEstimate.Describe(estimate.Listing));
        Assert.Equal("about 11 h 7 min", SweepEstimate.Describe(estimate.Creating)); // 25/s: AdminSetUserPassword, not AdminCreateUser, bounds it
        Assert.Equal("under a minute", SweepEstimate.Describe(new SweepEstimate(100).Creating));
    }

    [Fact]
    public void Evaluate_SampledSmsMfaUsersWithoutVerifiedPhone_CountedAsMfaNotCarried()
    {
        var oldPool = Pool() with { MfaConfiguration = "OPTIONAL" };
        var newPool = Pool() with { MfaConfiguration = "OPTIONAL" };
        var sms = new[] { new MFAOptionType { DeliveryMedium = "SMS", AttributeName = "phone_number" } };
        var sample = new UserSample(10,
        [
            User("ann", ("phone_number", "+15555550100"), ("phone_number_verified", "true")) with { MFAOptions = sms },
            User("bob", ("phone_number", "+15555550101"), ("phone_number_verified", "false")) with { MFAOptions = sms },
            User("cat"),
        ]);

        var finding = Assert.Single(PlanChecks.Evaluate(CreateInput(oldPool, newPool, sample)), f => f.Code == "mfa-not-carried");

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.StartsWith("1 of the 3 sampled old users", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SnapshotWithTotpEmailAndSmsUsers_CountsEveryUncarriedSecondFactor()
    {
        var oldPool = Pool() with { MfaConfiguration = "OPTIONAL" };
        var newPool = Pool() with { MfaConfiguration = "OPTIONAL" };
        var sample = new UserSample(5,
        [
            User("both", ("phone_number", "+15555550102"), ("phone_number_verified", "true")),
            User("totp"),
            User("mail"),
            User("sms-ok", ("phone_number", "+15555550100"), ("phone_number_verified", "true")),
            User("sms-unverified", ("phone_number", "+15555550101")),
        ])
        {
            MfaMethods = new Dictionary<string, IReadOnlyList<string>>
            {
                ["both"] = ["SOFTWARE_TOKEN_MFA", "SMS_MFA"], // the trigger carries SMS: a second factor kept
                ["totp"] = ["SOFTWARE_TOKEN_MFA"],
                ["mail"] = ["EMAIL_OTP"],
                ["sms-ok"] = ["SMS_MFA"],
                ["sms-unverified"] = ["SMS_MFA"],
            },
            SeesEveryMfaMethod = true,
        };

        var finding = Assert.Single(PlanChecks.Evaluate(CreateInput(oldPool, newPool, sample)), f => f.Code == "mfa-not-carried");

        Assert.StartsWith("3 of the 5 snapshot's old users", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ListUsers does not show them", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PreferredUsernameAliasWritableByADefaultClient_WarnsNamingTheClient()
    {
        var newPool = Pool() with { AliasAttributes = ["email", "preferred_username"] };
        var input = CreateInput(newPool: newPool) with
        {
            NewClients = [NewClient("web"), NewClient("admin-app") with { WriteAttributes = ["email", "name"] }],
        };

        var finding = Assert.Single(PlanChecks.Evaluate(input), f => f.Code == "alias-writable-after-sign-up");

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("(web)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PreferredUsernameAliasNoClientMayWriteIt_NoFinding()
    {
        var newPool = Pool() with { AliasAttributes = ["email", "preferred_username"] };
        var input = CreateInput(newPool: newPool) with { NewClients = [NewClient("web") with { WriteAttributes = ["email", "name"] }] };

        Assert.DoesNotContain(PlanChecks.Evaluate(input), f => f.Code == "alias-writable-after-sign-up");
    }

    [Fact]
    public void Evaluate_OldPoolThreatProtectionEnforced_Warns()
    {
        var oldPool = Pool() with { UserPoolAddOns = new UserPoolAddOnsType { AdvancedSecurityMode = "ENFORCED" } };

        var finding = Assert.Single(PlanChecks.Evaluate(CreateInput(oldPool)));

        Assert.Equal(("old-threat-protection", Severity.Warning), (finding.Code, finding.Severity));
    }

    [Fact]
    public void Evaluate_OldPoolThreatProtectionAudit_NoFinding() =>
        Assert.Empty(PlanChecks.Evaluate(CreateInput(Pool() with { UserPoolAddOns = new UserPoolAddOnsType { AdvancedSecurityMode = "AUDIT" } })));

    // A case-sensitive old pool into a case-insensitive new one: the new pool hands over "quinn" for "Quinn",
    // which the old pool's exact look-ups cannot find without the fold index.
    [Fact]
    public void Evaluate_CaseSensitiveOldIntoCaseInsensitiveNewWithoutTheFoldIndex_BlockingWithItsFixAndTheCount()
    {
        var oldPool = Pool() with { UsernameConfiguration = new UsernameConfigurationType { CaseSensitive = true } };
        var sample = new UserSample(3, [User("Quinn"), User("ann", ("email", "Ann@Example.com")), User("bob", ("email", "bob@example.com"))]);

        var finding = Assert.Single(PlanChecks.Evaluate(CreateInput(oldPool, sample: sample)), f => f.Code == "case-fold-index-missing");

        Assert.Equal(Severity.Blocking, finding.Severity);
        Assert.Contains("old pool is case-sensitive and the new pool is case-insensitive", finding.Message, StringComparison.Ordinal);
        Assert.Contains("2 of the 3 old users read", finding.Message, StringComparison.Ordinal);
        Assert.Contains("cognito-migrate index", finding.Fix, StringComparison.Ordinal);
        Assert.Contains("MIGRATION_FOLD_INDEX_TABLE", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CaseSensitiveOldWithoutSampleOrIndex_BlockingAndAbsentSettingIsCaseSensitive()
    {
        var oldPool = Pool() with { UsernameConfiguration = null };

        var finding = Assert.Single(PlanChecks.Evaluate(CreateInput(oldPool)), f => f.Code == "case-fold-index-missing");

        Assert.Equal(Severity.Blocking, finding.Severity);
        Assert.Contains("--scan N or --snapshot", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CaseSensitiveOldWithTheFoldIndex_OnlyAWarningNamingIt()
    {
        var oldPool = Pool() with { UsernameConfiguration = new UsernameConfigurationType { CaseSensitive = true } };
        var input = CreateInput(oldPool, sample: new UserSample(1, [User("Quinn")])) with { FoldIndexTable = "old-names" };

        var findings = PlanChecks.Evaluate(input);

        Assert.DoesNotContain(findings, f => f.Code == "case-fold-index-missing");
        var finding = Assert.Single(findings, f => f.Code == "case-rules");
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("old-names", finding.Message, StringComparison.Ordinal);
        Assert.Contains(new EnvironmentSetting("MIGRATION_FOLD_INDEX_TABLE", "old-names"), FunctionEnvironment.Derive(input, new PoolTarget(PoolSide.Old, "eu-west-1_Old1", null, null), "eu-west-1", null));
    }

    [Fact]
    public void Evaluate_BothPoolsCaseInsensitive_NoCaseRuleFinding() =>
        Assert.DoesNotContain(PlanChecks.Evaluate(CreateInput(sample: new UserSample(1, [User("Quinn")]))), f => f.Code.StartsWith("case-", StringComparison.Ordinal));

    private static PlanInput CreateInput(UserPoolType? oldPool = null, UserPoolType? newPool = null, UserSample? sample = null) => new()
    {
        OldPool = oldPool ?? Pool(),
        NewPool = newPool ?? Pool(),
        OldClients = [new UserPoolClientType { ClientId = "old1", ExplicitAuthFlows = ["ALLOW_ADMIN_USER_PASSWORD_AUTH"] }],
        NewClients = [NewClient("web")],
        Sample = sample,
    };

    private static UserPoolType Pool(bool tenantMutable = true, NumberAttributeConstraintsType? level = null) => new()
    {
        AliasAttributes = ["email"],
        UsernameConfiguration = new UsernameConfigurationType { CaseSensitive = false },
        SchemaAttributes =
        [
            new SchemaAttributeType { Name = "sub", AttributeDataType = "String", Mutable = false, Required = true },
            new SchemaAttributeType { Name = "email", AttributeDataType = "String", Mutable = true },
            new SchemaAttributeType { Name = "email_verified", AttributeDataType = "Boolean", Mutable = true },
            new SchemaAttributeType { Name = "given_name", AttributeDataType = "String", Mutable = true },
            new SchemaAttributeType { Name = "custom:tenant", AttributeDataType = "String", Mutable = tenantMutable },
            new SchemaAttributeType
            {
                Name = "custom:level",
                AttributeDataType = "Number",
                Mutable = true,
                NumberAttributeConstraints = level ?? new NumberAttributeConstraintsType { MinValue = "0", MaxValue = "100" },
            },
        ],
    };

    private static UserPoolPolicyType Policy(int minimum, bool symbols) => new()
    {
        PasswordPolicy = new PasswordPolicyType
        {
            MinimumLength = minimum,
            RequireLowercase = true,
            RequireUppercase = true,
            RequireNumbers = true,
            RequireSymbols = symbols,
        },
    };

    private static UserPoolClientType ClientWithoutPreferredUsername() => NewClient("web") with { WriteAttributes = ["email", "name"] };

    private static UserPoolClientType NewClient(string name, IReadOnlyList<string>? flows = null, string? existence = "ENABLED") => new()
    {
        ClientId = name + "-id",
        ClientName = name,
        ExplicitAuthFlows = flows ?? ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        PreventUserExistenceErrors = existence,
    };

    private static UserType User(string username, params (string Name, string Value)[] attributes) => new()
    {
        Username = username,
        Attributes = [.. attributes.Select(a => new AttributeType { Name = a.Name, Value = a.Value })],
    };
}
