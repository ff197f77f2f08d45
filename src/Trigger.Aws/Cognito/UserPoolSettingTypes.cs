namespace Trigger.Aws.Cognito;

/// <summary>The Lambda triggers of a pool, each a function ARN.</summary>
public sealed record LambdaConfigType
{
    /// <summary>Before sign-up (our guard against squatting an unmigrated user's name).</summary>
    public string? PreSignUp { get; init; }

    /// <summary>Custom messages.</summary>
    public string? CustomMessage { get; init; }

    /// <summary>After confirmation.</summary>
    public string? PostConfirmation { get; init; }

    /// <summary>Before authentication.</summary>
    public string? PreAuthentication { get; init; }

    /// <summary>After authentication.</summary>
    public string? PostAuthentication { get; init; }

    /// <summary>Custom auth: define challenge.</summary>
    public string? DefineAuthChallenge { get; init; }

    /// <summary>Custom auth: create challenge.</summary>
    public string? CreateAuthChallenge { get; init; }

    /// <summary>Custom auth: verify answer.</summary>
    public string? VerifyAuthChallengeResponse { get; init; }

    /// <summary>Pre token generation (version 1).</summary>
    public string? PreTokenGeneration { get; init; }

    /// <summary>The user migration trigger (ours).</summary>
    public string? UserMigration { get; init; }

    /// <summary>Pre token generation with a version.</summary>
    public LambdaVersionConfigType? PreTokenGenerationConfig { get; init; }

    /// <summary>Custom SMS sender.</summary>
    public LambdaVersionConfigType? CustomSMSSender { get; init; }

    /// <summary>Custom email sender.</summary>
    public LambdaVersionConfigType? CustomEmailSender { get; init; }

    /// <summary>KMS key for the custom senders.</summary>
    public string? KMSKeyID { get; init; }
}

/// <summary>A versioned trigger: its function and event version.</summary>
public sealed record LambdaVersionConfigType
{
    /// <summary>The event version, for example <c>V1_0</c>.</summary>
    public string? LambdaVersion { get; init; }

    /// <summary>The function ARN.</summary>
    public string? LambdaArn { get; init; }
}

/// <summary>The pool's policies.</summary>
public sealed record UserPoolPolicyType
{
    /// <summary>The password policy (not applied to migrated passwords: check it yourself).</summary>
    public PasswordPolicyType? PasswordPolicy { get; init; }

    /// <summary>Allowed first sign-in factors.</summary>
    public SignInPolicyType? SignInPolicy { get; init; }
}

/// <summary>The password policy.</summary>
public sealed record PasswordPolicyType
{
    /// <summary>Minimum length, 6 to 99.</summary>
    public int? MinimumLength { get; init; }

    /// <summary>Requires an uppercase letter.</summary>
    public bool? RequireUppercase { get; init; }

    /// <summary>Requires a lowercase letter.</summary>
    public bool? RequireLowercase { get; init; }

    /// <summary>Requires a digit.</summary>
    public bool? RequireNumbers { get; init; }

    /// <summary>Requires a symbol.</summary>
    public bool? RequireSymbols { get; init; }

    /// <summary>Previous passwords that may not be reused.</summary>
    public int? PasswordHistorySize { get; init; }

    /// <summary>Days a temporary password stays valid.</summary>
    public int? TemporaryPasswordValidityDays { get; init; }
}

/// <summary>Which factors may start a sign-in.</summary>
public sealed record SignInPolicyType
{
    /// <summary>For example <c>PASSWORD</c>, <c>EMAIL_OTP</c>, <c>WEB_AUTHN</c>.</summary>
    public IReadOnlyList<string>? AllowedFirstAuthFactors { get; init; }
}

/// <summary>One attribute of the pool's schema.</summary>
public sealed record SchemaAttributeType
{
    /// <summary>The name; custom ones appear as <c>custom:name</c> in user attributes.</summary>
    public string? Name { get; init; }

    /// <summary><c>String</c>, <c>Number</c>, <c>DateTime</c> or <c>Boolean</c>.</summary>
    public string? AttributeDataType { get; init; }

    /// <summary>Only administrators can read or write it.</summary>
    public bool? DeveloperOnlyAttribute { get; init; }

    /// <summary>Can change after creation.</summary>
    public bool? Mutable { get; init; }

    /// <summary>Must be set at sign-up.</summary>
    public bool? Required { get; init; }

    /// <summary>Number bounds.</summary>
    public NumberAttributeConstraintsType? NumberAttributeConstraints { get; init; }

    /// <summary>Length bounds.</summary>
    public StringAttributeConstraintsType? StringAttributeConstraints { get; init; }
}

/// <summary>Number bounds (strings in the API).</summary>
public sealed record NumberAttributeConstraintsType
{
    /// <summary>Lowest value.</summary>
    public string? MinValue { get; init; }

    /// <summary>Highest value.</summary>
    public string? MaxValue { get; init; }
}

/// <summary>Length bounds (strings in the API).</summary>
public sealed record StringAttributeConstraintsType
{
    /// <summary>Shortest length.</summary>
    public string? MinLength { get; init; }

    /// <summary>Longest length.</summary>
    public string? MaxLength { get; init; }
}

/// <summary>Verification message templates.</summary>
public sealed record VerificationMessageTemplateType
{
    /// <summary>SMS text.</summary>
    public string? SmsMessage { get; init; }

    /// <summary>Email text with a code.</summary>
    public string? EmailMessage { get; init; }

    /// <summary>Email subject with a code.</summary>
    public string? EmailSubject { get; init; }

    /// <summary>Email text with a link.</summary>
    public string? EmailMessageByLink { get; init; }

    /// <summary>Email subject with a link.</summary>
    public string? EmailSubjectByLink { get; init; }

    /// <summary><c>CONFIRM_WITH_LINK</c> or <c>CONFIRM_WITH_CODE</c>.</summary>
    public string? DefaultEmailOption { get; init; }
}

/// <summary>Attribute changes that wait for verification.</summary>
public sealed record UserAttributeUpdateSettingsType
{
    /// <summary><c>email</c> and/or <c>phone_number</c>.</summary>
    public IReadOnlyList<string>? AttributesRequireVerificationBeforeUpdate { get; init; }
}

/// <summary>Device remembering.</summary>
public sealed record DeviceConfigurationType
{
    /// <summary>New devices must answer a challenge.</summary>
    public bool? ChallengeRequiredOnNewDevice { get; init; }

    /// <summary>Devices are remembered only when the user asks.</summary>
    public bool? DeviceOnlyRememberedOnUserPrompt { get; init; }
}

/// <summary>How the pool sends email.</summary>
public sealed record EmailConfigurationType
{
    /// <summary>The SES identity ARN.</summary>
    public string? SourceArn { get; init; }

    /// <summary>The reply-to address.</summary>
    public string? ReplyToEmailAddress { get; init; }

    /// <summary><c>COGNITO_DEFAULT</c> or <c>DEVELOPER</c>.</summary>
    public string? EmailSendingAccount { get; init; }

    /// <summary>The sender address.</summary>
    public string? From { get; init; }

    /// <summary>The SES configuration set.</summary>
    public string? ConfigurationSet { get; init; }
}

/// <summary>How the pool sends SMS.</summary>
public sealed record SmsConfigurationType
{
    /// <summary>The IAM role Cognito uses to call SNS.</summary>
    public string? SnsCallerArn { get; init; }

    /// <summary>The external id of that role.</summary>
    public string? ExternalId { get; init; }

    /// <summary>The SNS region.</summary>
    public string? SnsRegion { get; init; }
}

/// <summary>Settings for administrator-created users.</summary>
public sealed record AdminCreateUserConfigType
{
    /// <summary>Only administrators may create users (self sign-up off).</summary>
    public bool? AllowAdminCreateUserOnly { get; init; }

    /// <summary>Legacy; superseded by <see cref="PasswordPolicyType.TemporaryPasswordValidityDays"/>.</summary>
    public int? UnusedAccountValidityDays { get; init; }

    /// <summary>The invitation templates.</summary>
    public MessageTemplateType? InviteMessageTemplate { get; init; }
}

/// <summary>An invitation template.</summary>
public sealed record MessageTemplateType
{
    /// <summary>SMS text.</summary>
    public string? SMSMessage { get; init; }

    /// <summary>Email text.</summary>
    public string? EmailMessage { get; init; }

    /// <summary>Email subject.</summary>
    public string? EmailSubject { get; init; }
}

/// <summary>Threat protection settings.</summary>
public sealed record UserPoolAddOnsType
{
    /// <summary><c>OFF</c>, <c>AUDIT</c> or <c>ENFORCED</c>.</summary>
    public string? AdvancedSecurityMode { get; init; }
}

/// <summary>Username case sensitivity.</summary>
public sealed record UsernameConfigurationType
{
    /// <summary>False: <c>Alice</c> and <c>alice</c> are the same user.</summary>
    public bool? CaseSensitive { get; init; }
}

/// <summary>How users recover a forgotten password.</summary>
public sealed record AccountRecoverySettingType
{
    /// <summary>The mechanisms in priority order.</summary>
    public IReadOnlyList<RecoveryOptionType>? RecoveryMechanisms { get; init; }
}

/// <summary>One recovery mechanism.</summary>
public sealed record RecoveryOptionType
{
    /// <summary>1 is tried first.</summary>
    public int Priority { get; init; }

    /// <summary><c>verified_email</c>, <c>verified_phone_number</c> or <c>admin_only</c>.</summary>
    public string? Name { get; init; }
}
