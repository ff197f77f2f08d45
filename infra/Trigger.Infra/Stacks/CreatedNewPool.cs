using Amazon.CDK;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.Lambda;
using Constructs;
using Trigger.Infra.Configuration;

namespace Trigger.Infra.Stacks;

/// <summary>
/// A new pool created by the stack: the configured schema and aliases, an app client that hides
/// whether a user exists, and, while the migration window is open, both triggers and password sign-in.
/// </summary>
internal sealed class CreatedNewPool : Construct
{
    public CreatedNewPool(Construct scope, string id, CreatedNewPoolSettings settings, IFunction trigger, bool carryGroups = true)
        : base(scope, id)
    {
        Pool = new UserPool(this, "UserPool", new UserPoolProps
        {
            UserPoolName = settings.UserPoolName,
            // The username stays a sign-in name (migrated users keep their old username);
            // the configured attributes are aliases on top of it.
            SignInAliases = new SignInAliases
            {
                Username = true,
                Email = settings.SignInAliases.Contains("email"),
                Phone = settings.SignInAliases.Contains("phone_number"),
                PreferredUsername = settings.SignInAliases.Contains("preferred_username"),
            },
            SignInCaseSensitive = settings.SignInCaseSensitive,
            SelfSignUpEnabled = settings.SelfSignUpEnabled,
            StandardAttributes = StandardAttributesOf(settings.StandardAttributes),
            CustomAttributes = settings.CustomAttributes.ToDictionary(
                pair => pair.Key, pair => CustomAttributeOf(pair.Value), StringComparer.Ordinal),
            // Explicit, even at Cognito's defaults: the function reads this policy of the pool and
            // checks migrated passwords against it, since Cognito does not.
            PasswordPolicy = new PasswordPolicy
            {
                MinLength = settings.PasswordPolicy.MinimumLength,
                RequireLowercase = settings.PasswordPolicy.RequireLowercase,
                RequireUppercase = settings.PasswordPolicy.RequireUppercase,
                RequireDigits = settings.PasswordPolicy.RequireNumbers,
                RequireSymbols = settings.PasswordPolicy.RequireSymbols,
            },
            // The pool holds the migrated users: tearing the stack down must never delete it.
            RemovalPolicy = RemovalPolicy.RETAIN,
            DeletionProtection = true,
        });

        if (settings.MigrationWindowOpen)
        {
            // Set on the CloudFormation resource rather than through UserPool.AddTrigger, which adds
            // one invoke permission per trigger without SourceAccount; MigrationStack adds one for both.
            var resource = (CfnUserPool)Pool.Node.DefaultChild!;
            resource.LambdaConfig = new CfnUserPool.LambdaConfigProperty
            {
                UserMigration = trigger.FunctionArn,
                PreSignUp = trigger.FunctionArn,
                // Adds a migrated user's old groups; Pre token generation then puts them into the first tokens
                // (Cognito does not promise PostAuthentication's changes reach the tokens of the same sign-in).
                PostAuthentication = carryGroups ? trigger.FunctionArn : null,
                PreTokenGenerationConfig = carryGroups
                    ? new CfnUserPool.PreTokenGenerationConfigProperty
                    {
                        LambdaArn = trigger.FunctionArn,
                        // V2_0 (ID and access tokens) needs the Essentials or Plus feature plan; V1_0 works on every plan.
                        LambdaVersion = settings.CustomizesAccessTokens ? "V2_0" : "V1_0",
                    }
                    : null,
            };
        }

        if (settings.FeaturePlan is { } plan)
        {
            // aws-cdk-lib 2.160 has no property for the feature plan yet; the CloudFormation one is UserPoolTier.
            ((CfnUserPool)Pool.Node.DefaultChild!).AddPropertyOverride("UserPoolTier", plan);
        }

        // Declared groups exist before the first user arrives, so the trigger's groups step finds them.
        foreach (var (name, group) in settings.Groups)
        {
            _ = new CfnUserPoolGroup(this, "Group-" + name.Replace("/", "_2F", StringComparison.Ordinal), new CfnUserPoolGroupProps
            {
                UserPoolId = Pool.UserPoolId,
                GroupName = name,
                Description = group.Description,
                Precedence = group.Precedence,
                RoleArn = group.RoleArn,
            });
        }

        Client = Pool.AddClient("Client", new UserPoolClientOptions
        {
            UserPoolClientName = settings.ClientName,
            // UserMigration needs the plaintext password, so SRP-only clients never reach it;
            // password sign-in is allowed for the window only, SRP throughout.
            AuthFlows = new AuthFlow { UserPassword = settings.MigrationWindowOpen, UserSrp = true },
            PreventUserExistenceErrors = true,
            GenerateSecret = false,
            // Without this CDK enables the implicit and code grants with an example.com callback.
            DisableOAuth = true,
        });
    }

    public UserPool Pool { get; }

    public UserPoolClient Client { get; }

    private static StandardAttributes StandardAttributesOf(IReadOnlyDictionary<string, StandardAttributeSettings> attributes)
    {
        StandardAttribute? Of(string name) => attributes.TryGetValue(name, out var attribute)
            ? new StandardAttribute { Required = attribute.Required, Mutable = attribute.Mutable }
            : null;

        return new StandardAttributes
        {
            Address = Of("address"),
            Birthdate = Of("birthdate"),
            Email = Of("email"),
            FamilyName = Of("family_name"),
            Gender = Of("gender"),
            GivenName = Of("given_name"),
            Locale = Of("locale"),
            MiddleName = Of("middle_name"),
            Fullname = Of("name"),
            Nickname = Of("nickname"),
            PhoneNumber = Of("phone_number"),
            ProfilePicture = Of("picture"),
            PreferredUsername = Of("preferred_username"),
            ProfilePage = Of("profile"),
            LastUpdateTime = Of("updated_at"),
            Website = Of("website"),
            Timezone = Of("zoneinfo"),
        };
    }

    private static ICustomAttribute CustomAttributeOf(CustomAttributeSettings attribute) => attribute.Type switch
    {
        CustomAttributeType.Number => new NumberAttribute(new NumberAttributeProps { Mutable = attribute.Mutable }),
        CustomAttributeType.Boolean => new BooleanAttribute(new CustomAttributeProps { Mutable = attribute.Mutable }),
        CustomAttributeType.DateTime => new DateTimeAttribute(new CustomAttributeProps { Mutable = attribute.Mutable }),
        _ => new StringAttribute(new StringAttributeProps { Mutable = attribute.Mutable }),
    };
}
