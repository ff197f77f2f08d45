namespace Trigger.Migration.Decisions;

/// <summary>The PreSignUp guard's verdict.</summary>
public enum SignUpVerdict
{
    /// <summary>No unmigrated old user owns any of the names: let the sign-up through.</summary>
    Allowed,

    /// <summary>An unmigrated old user owns the username or one of the alias values (as a username or as any alias).</summary>
    RefusedNameOwnedByOldUser,

    /// <summary>The old pool could not be asked, and the guard fails closed.</summary>
    RefusedOldPoolUnavailable,

    /// <summary>The old pool could not be asked about every claimed name, and the guard is configured to fail open.</summary>
    AllowedOldPoolUnavailable,

    /// <summary>A federated sign-up: the identity provider vouched for the identity, so the guard does not apply.</summary>
    AllowedExternalProvider,

    /// <summary>A pool refused a look-up of a claimed name (a 4xx, such as a value over ListUsers' filter limit): never fails open.</summary>
    RefusedLookupRejected,

    /// <summary>An <c>AdminCreateUser</c> of an unmigrated old username without a valid sweep proof.</summary>
    RefusedAdminCreateWithoutSweepProof,

    /// <summary>The new pool's settings (DescribeUserPool) could not be read, so its case rule is unknown: never fails open.</summary>
    RefusedNewPoolUnreadable,
}
