using Trigger.Migration.Events;
using Trigger.Migration.Ports;

namespace Trigger.Migration.Decisions;

/// <summary>
/// The PreSignUp guard: SignUp does not fire the migration trigger, so without it a stranger could
/// register a name that an old user who has not migrated yet signs in with. Every name the sign-up
/// claims (the username and each email, phone_number and preferred_username value, whichever of them the
/// new pool uses as username or alias) is looked up the way the migration trigger resolves a typed name:
/// as an old username (AdminGetUser, which also resolves the old pool's own aliases) and through every
/// plausible alias attribute. One owner not yet in the new pool is enough to refuse.
/// The old pool being out of reach (throttling, 5xx, network, timeout) fails open only when configured,
/// and only after every claimed name was tried; a look-up the pool refuses (a 4xx) refuses the sign-up.
/// An AdminCreateUser of an old username passes only with the sweep's <see cref="SweepProof"/>.
/// The guard takes no alias list: it checks every attribute a new pool can take as a name, so a narrowed
/// MIGRATION_ALIAS_ATTRIBUTES (the trigger's resolution) cannot open a gap here.
/// Names are held against each other by the new pool's <see cref="NameRule"/> (read through
/// <paramref name="newPools"/>; case-sensitive without it): whether an owner already is in the new pool, and
/// whether the sweep's proof names that owner. A new pool that cannot be read refuses.
/// With a fold index, a name no exact look-up refused is also looked up folded: a case-sensitive old pool
/// cannot find <c>Quinn</c> from <c>QUINN</c>, and a case-insensitive new pool would let <c>QUINN</c> take
/// the name <c>Quinn</c> signs in with.
/// </summary>
public sealed class SignUpGuard(
    IOldUserDirectory oldPool,
    INewUserDirectory newPool,
    bool failOpen,
    ISweepKeySource? sweepKey = null,
    TimeProvider? time = null,
    INewPoolProfiles? newPools = null,
    IFoldedNameIndex? foldIndex = null)
{
    /// <summary>
    /// Old users sharing one alias value that the guard checks; a value this many or more share is refused
    /// outright (old pools allow duplicates of unverified emails and phones).
    /// </summary>
    public const int OwnerLimit = 20;

    // Every attribute Cognito can make a username or an alias: whichever the new pool uses, a value in it is a name.
    private static readonly string[] _nameAttributes = ["email", "phone_number", "preferred_username"];

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Judges <paramref name="trigger"/>.</summary>
    public async Task<SignUpVerdict> JudgeAsync(PreSignUpEvent trigger, CancellationToken cancellationToken)
    {
        if (trigger.TriggerSource == TriggerSources.PreSignUpExternalProvider)
        {
            return SignUpVerdict.AllowedExternalProvider;
        }

        var names = NameRule.CaseSensitive;
        if (newPools is not null)
        {
            try
            {
                names = (await newPools.GetAsync(trigger.UserPoolId!, cancellationToken)).Names;
            }
            catch (Exception e) when (e is UserDirectoryUnavailableException || (e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                // Not the old pool: fail-open is about the old pool being out of reach, never about this.
                return SignUpVerdict.RefusedNewPoolUnreadable;
            }
        }

        var adminCreate = trigger.TriggerSource == TriggerSources.PreSignUpAdminCreateUser;
        var sweptUsername = adminCreate && await SweepProvesItselfAsync(trigger, names, cancellationToken) ? trigger.UserName : null;
        var unreachable = false;
        try
        {
            foreach (var name in ClaimedNames(trigger))
            {
                var (verdict, nameUnreachable) = await JudgeNameAsync(trigger, name, sweptUsername, names, cancellationToken);
                if (verdict is not SignUpVerdict.Allowed)
                {
                    return verdict;
                }

                unreachable |= nameUnreachable;
            }
        }
        catch (UserDirectoryUnavailableException e) when (!e.Transient)
        {
            return SignUpVerdict.RefusedLookupRejected;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The budget is spent: every look-up left would time out the same way.
            unreachable = true;
        }

        return !unreachable ? SignUpVerdict.Allowed
            : failOpen ? SignUpVerdict.AllowedOldPoolUnavailable
            : SignUpVerdict.RefusedOldPoolUnavailable;
    }

    // Each look-up on its own: one out of reach (throttling, 5xx, network) does not skip the name's other
    // look-ups, and any owner found by them refuses. A 4xx answer ends the check (the caller refuses).
    private async Task<(SignUpVerdict Verdict, bool Unreachable)> JudgeNameAsync(
        PreSignUpEvent trigger, string name, string? sweptUsername, NameRule names, CancellationToken cancellationToken)
    {
        var unreachable = false;
        try
        {
            if (await oldPool.FindByUsernameAsync(name, cancellationToken) is { } byUsername
                && await Unmigrated(trigger, byUsername, sweptUsername, names, cancellationToken) is { } refusal)
            {
                return (refusal, false);
            }
        }
        catch (UserDirectoryUnavailableException e) when (e.Transient)
        {
            unreachable = true;
        }

        // Every attribute a new pool can take as a name, whatever the trigger resolves sign-ins by: a narrowed
        // MIGRATION_ALIAS_ATTRIBUTES must not let a stranger claim an old user's phone or preferred_username.
        foreach (var attribute in SignInName.PlausibleAliases(name, _nameAttributes))
        {
            IReadOnlyList<OldUser> owners;
            try
            {
                owners = await oldPool.FindByAttributeAsync(attribute, name, OwnerLimit, cancellationToken);
            }
            catch (UserDirectoryUnavailableException e) when (e.Transient)
            {
                unreachable = true;
                continue;
            }

            if (owners.Count >= OwnerLimit)
            {
                return (SignUpVerdict.RefusedNameOwnedByOldUser, false);
            }

            foreach (var owner in owners)
            {
                if (await Unmigrated(trigger, owner, sweptUsername, names, cancellationToken) is { } ownerRefusal)
                {
                    return (ownerRefusal, false);
                }
            }
        }

        if (foldIndex is not null)
        {
            try
            {
                if (await UnmigratedFoldedOwner(trigger, name, sweptUsername, names, cancellationToken) is { } foldedRefusal)
                {
                    return (foldedRefusal, false);
                }
            }
            catch (UserDirectoryUnavailableException e) when (e.Transient)
            {
                unreachable = true;
            }
        }

        return (SignUpVerdict.Allowed, unreachable);
    }

    // The owners the fold index names for the name, each read by its own username (one deleted since the index
    // was built owns nothing); the first that has not migrated refuses. Consulted even when an exact look-up
    // found a migrated owner: Alice and alice both in the old pool leave one of them unmigrated.
    private async Task<SignUpVerdict?> UnmigratedFoldedOwner(PreSignUpEvent trigger, string name, string? sweptUsername, NameRule names, CancellationToken cancellationToken)
    {
        var owners = await foldIndex!.FindOwnersAsync(NameFolding.Fold(name), cancellationToken);
        var usernames = FoldedNames.Usernames(owners);
        if (usernames.Count >= OwnerLimit)
        {
            return SignUpVerdict.RefusedNameOwnedByOldUser;
        }

        foreach (var username in usernames)
        {
            if (await oldPool.FindByUsernameAsync(username, cancellationToken) is { } owner
                && await Unmigrated(trigger, owner, sweptUsername, names, cancellationToken) is { } refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    // The refusal when owner has not reached the new pool yet; null when it has, or when it is the user the sweep proved it creates.
    // Names compare by the new pool's rule: a proof for "quinn" in a case-sensitive new pool says nothing of "Quinn".
    private async Task<SignUpVerdict?> Unmigrated(PreSignUpEvent trigger, OldUser owner, string? sweptUsername, NameRule names, CancellationToken cancellationToken)
    {
        if (sweptUsername is not null && names.Same(owner.Username, sweptUsername))
        {
            return null;
        }

        try
        {
            if (await newPool.ExistsAsync(trigger.UserPoolId!, owner.Username, names, cancellationToken))
            {
                return null;
            }
        }
        catch (UserDirectoryUnavailableException)
        {
            // An old owner was found and cannot be shown to have migrated: that is a refusal, never "old pool
            // unavailable" (which fail-open would let through).
        }

        return trigger.TriggerSource == TriggerSources.PreSignUpAdminCreateUser
            && names.Same(owner.Username, trigger.UserName)
                ? SignUpVerdict.RefusedAdminCreateWithoutSweepProof
                : SignUpVerdict.RefusedNameOwnedByOldUser;
    }

    // The proof is made over the username as the new pool compares it (NameRule.Key), since a
    // case-insensitive pool hands the guard "quinn" for the sweep's "Quinn".
    private async Task<bool> SweepProvesItselfAsync(PreSignUpEvent trigger, NameRule names, CancellationToken cancellationToken)
    {
        if (sweepKey is null || string.IsNullOrEmpty(trigger.UserName)
            || trigger.Request?.ClientMetadata?.GetValueOrDefault(SweepProof.MetadataKey) is not { Length: > 0 } proof)
        {
            return false;
        }

        try
        {
            var key = await sweepKey.GetAsync(cancellationToken);
            return SweepProof.Verify(key, trigger.UserPoolId!, names.Key(trigger.UserName), proof, _time.GetUtcNow());
        }
        catch (Exception e) when (e is UserDirectoryUnavailableException || (e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // The key cannot be read in time: the proof cannot be checked, so it does not count.
            return false;
        }
    }

    private static List<string> ClaimedNames(PreSignUpEvent trigger)
    {
        var names = new List<string>();
        if (!string.IsNullOrEmpty(trigger.UserName))
        {
            names.Add(trigger.UserName);
        }

        foreach (var attribute in _nameAttributes)
        {
            if (trigger.Request?.UserAttributes?.GetValueOrDefault(attribute) is { Length: > 0 } value && !names.Contains(value, StringComparer.Ordinal))
            {
                names.Add(value);
            }
        }

        return names;
    }
}
