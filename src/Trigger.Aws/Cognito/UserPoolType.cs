namespace Trigger.Aws.Cognito;

/// <summary>
/// The settings of a pool that this product reads (Cognito API reference, UserPoolType). Not every
/// member of the service's type is here; <see cref="DescribeUserPoolResponse.RawUserPool"/> keeps
/// all of them, and that is what <see cref="UpdateUserPoolRequest"/> writes back.
/// </summary>
public sealed record UserPoolType
{
    /// <summary>The pool's id, for example <c>eu-west-1_AbCdEf123</c>.</summary>
    public string? Id { get; init; }

    /// <summary>The pool's name.</summary>
    public string? Name { get; init; }

    /// <summary>The pool's ARN (the SourceArn of the trigger's invoke permission).</summary>
    public string? Arn { get; init; }

    /// <summary>Deprecated status field.</summary>
    public string? Status { get; init; }

    /// <summary>When the pool was created.</summary>
    public DateTimeOffset? CreationDate { get; init; }

    /// <summary>When the pool was last changed.</summary>
    public DateTimeOffset? LastModifiedDate { get; init; }

    /// <summary>The pool's Lambda triggers.</summary>
    public LambdaConfigType? LambdaConfig { get; init; }

    /// <summary>Password and sign-in policies.</summary>
    public UserPoolPolicyType? Policies { get; init; }

    /// <summary><c>ACTIVE</c> or <c>INACTIVE</c>.</summary>
    public string? DeletionProtection { get; init; }

    /// <summary>The pool's attribute schema; attributes not in it fail a migration.</summary>
    public IReadOnlyList<SchemaAttributeType>? SchemaAttributes { get; init; }

    /// <summary>Attributes Cognito verifies by itself: <c>email</c>, <c>phone_number</c>.</summary>
    public IReadOnlyList<string>? AutoVerifiedAttributes { get; init; }

    /// <summary>Attributes usable as an alias: <c>email</c>, <c>phone_number</c>, <c>preferred_username</c>.</summary>
    public IReadOnlyList<string>? AliasAttributes { get; init; }

    /// <summary>Attributes usable instead of a username: <c>email</c>, <c>phone_number</c>.</summary>
    public IReadOnlyList<string>? UsernameAttributes { get; init; }

    /// <summary>Legacy SMS verification text.</summary>
    public string? SmsVerificationMessage { get; init; }

    /// <summary>Legacy email verification text.</summary>
    public string? EmailVerificationMessage { get; init; }

    /// <summary>Legacy email verification subject.</summary>
    public string? EmailVerificationSubject { get; init; }

    /// <summary>Verification message templates.</summary>
    public VerificationMessageTemplateType? VerificationMessageTemplate { get; init; }

    /// <summary>SMS MFA message text.</summary>
    public string? SmsAuthenticationMessage { get; init; }

    /// <summary>Which attribute changes wait for verification.</summary>
    public UserAttributeUpdateSettingsType? UserAttributeUpdateSettings { get; init; }

    /// <summary><c>OFF</c>, <c>ON</c> or <c>OPTIONAL</c>.</summary>
    public string? MfaConfiguration { get; init; }

    /// <summary>Device remembering.</summary>
    public DeviceConfigurationType? DeviceConfiguration { get; init; }

    /// <summary>An estimate of the number of users.</summary>
    public int? EstimatedNumberOfUsers { get; init; }

    /// <summary>How the pool sends email.</summary>
    public EmailConfigurationType? EmailConfiguration { get; init; }

    /// <summary>How the pool sends SMS.</summary>
    public SmsConfigurationType? SmsConfiguration { get; init; }

    /// <summary>The pool's tags.</summary>
    public IReadOnlyDictionary<string, string>? UserPoolTags { get; init; }

    /// <summary>Why SMS sending is failing, if it is.</summary>
    public string? SmsConfigurationFailure { get; init; }

    /// <summary>Why email sending is failing, if it is.</summary>
    public string? EmailConfigurationFailure { get; init; }

    /// <summary>The Cognito domain prefix.</summary>
    public string? Domain { get; init; }

    /// <summary>The custom domain.</summary>
    public string? CustomDomain { get; init; }

    /// <summary>Settings for administrator-created users.</summary>
    public AdminCreateUserConfigType? AdminCreateUserConfig { get; init; }

    /// <summary>Threat protection.</summary>
    public UserPoolAddOnsType? UserPoolAddOns { get; init; }

    /// <summary>Case sensitivity of usernames.</summary>
    public UsernameConfigurationType? UsernameConfiguration { get; init; }

    /// <summary>How users recover a forgotten password.</summary>
    public AccountRecoverySettingType? AccountRecoverySetting { get; init; }

    /// <summary><c>LITE</c>, <c>ESSENTIALS</c> or <c>PLUS</c>.</summary>
    public string? UserPoolTier { get; init; }
}
