namespace Trigger.Contract;

/// <summary>
/// The names of the environment variables the trigger function reads: the one list the function, the
/// ops tool (<c>plan</c> prints them) and the CDK app (which sets them) share.
/// </summary>
public static class TriggerSettingNames
{
    /// <summary>The old pool, <c>&lt;region&gt;_&lt;id&gt;</c>. Required.</summary>
    public const string OldUserPoolId = "MIGRATION_OLD_USER_POOL_ID";

    /// <summary>An app client of the old pool allowing ADMIN_USER_PASSWORD_AUTH. Required.</summary>
    public const string OldClientId = "MIGRATION_OLD_CLIENT_ID";

    /// <summary>The old pool's region; default: the pool id's prefix.</summary>
    public const string OldRegion = "MIGRATION_OLD_REGION";

    /// <summary>The old pool's Cognito endpoint when it is not the standard one.</summary>
    public const string OldEndpointUrl = "MIGRATION_OLD_ENDPOINT_URL";

    /// <summary>The Secrets Manager secret holding the old client's secret.</summary>
    public const string OldClientSecretArn = "MIGRATION_OLD_CLIENT_SECRET_ARN";

    /// <summary>A role to assume for an old pool in another account.</summary>
    public const string OldRoleArn = "MIGRATION_OLD_ROLE_ARN";

    /// <summary>The external id that role asks for.</summary>
    public const string OldExternalId = "MIGRATION_OLD_EXTERNAL_ID";

    /// <summary>The attributes a typed name is looked up by; <see cref="SettingValues.FormatList"/> of <see cref="SignInAliasNames"/>.</summary>
    public const string AliasAttributes = "MIGRATION_ALIAS_ATTRIBUTES";

    /// <summary><c>old=new</c> pairs; <see cref="SettingValues.FormatRenames"/>.</summary>
    public const string AttributeRenames = "MIGRATION_ATTRIBUTE_RENAMES";

    /// <summary>The new pool's custom attributes, <c>custom:a,custom:b</c>.</summary>
    public const string NewCustomAttributes = "MIGRATION_NEW_CUSTOM_ATTRIBUTES";

    /// <summary>A custom attribute receiving the old <c>sub</c>.</summary>
    public const string LegacySubAttribute = "MIGRATION_LEGACY_SUB_ATTRIBUTE";

    /// <summary>The new pool's password policy; <see cref="SettingValues.FormatPasswordPolicy"/>.</summary>
    public const string NewPasswordPolicy = "MIGRATION_NEW_PASSWORD_POLICY";

    /// <summary>What to do with a right password the new policy rejects; one of <see cref="SettingValues.WeakPasswordActions"/>.</summary>
    public const string WeakPasswordAction = "MIGRATION_WEAK_PASSWORD_ACTION";

    /// <summary>Whether the PreSignUp guard lets a sign-up through when the old pool cannot be asked.</summary>
    public const string PreSignUpFailOpen = "MIGRATION_PRESIGNUP_FAIL_OPEN";

    /// <summary>What to do with a right password whose second factor cannot be carried over: reset, refuse or allow.</summary>
    public const string UncarriedMfaAction = "MIGRATION_UNCARRIED_MFA_ACTION";

    /// <summary>Secrets Manager secret holding the sweep key the PreSignUp guard checks AdminCreateUser proofs with.</summary>
    public const string SweepKeySecretArn = "MIGRATION_SWEEP_KEY_SECRET_ARN";

    /// <summary>The DynamoDB table of the fold index (a case-sensitive old pool's names folded to lowercase); unset: no index.</summary>
    public const string FoldIndexTable = "MIGRATION_FOLD_INDEX_TABLE";

    /// <summary>Whether a migration carries the user's old groups (<c>true</c>, the default, or <c>false</c>: no AdminListGroupsForUser, no hand-over).</summary>
    public const string CarryGroups = "MIGRATION_CARRY_GROUPS";

    /// <summary>
    /// The DynamoDB table the groups hand-over is also written to, so that the PostAuthentication and Pre token
    /// generation steps served by another execution environment still find it; unset: the function's memory only.
    /// </summary>
    public const string GroupHandOverTable = "MIGRATION_GROUP_HANDOVER_TABLE";

    /// <summary>Milliseconds kept back from the deadline.</summary>
    public const string SafetyMarginMs = "MIGRATION_SAFETY_MARGIN_MS";
}
