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
/// </summary>
public sealed class SignUpGuard(
    IOldUserDirectory oldPool,
    INewUserDirectory newPool,
    IReadOnlyList<string> aliasAttributes,
    bool failOpen,
    ISweepKeySource? sweepKey = null,
    TimeProvider? time = null)
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

        var adminCreate = trigger.TriggerSource == TriggerSources.PreSignUpAdminCreateUser;
        var sweptUsername = adminCreate && await SweepProvesItselfAsync(trigger, cancellationToken) ? trigger.UserName : null;
        var unreachable = false;
        foreach (var name in ClaimedNames(trigger))
        {
            try
            {
                var verdict = await JudgeNameAsync(trigger, name, sweptUsername, cancellationToken);
                if (verdict is not SignUpVerdict.Allowed)
                {
                    return verdict;
                }
            }
            catch (UserDirectoryUnavailableException e) when (!e.Transient)
            {
                return SignUpVerdict.RefusedLookupRejected;
            }
            catch (UserDirectoryUnavailableException)
            {
                // Out of reach for this name: the next names are still tried, and any owner found there refuses.
                unreachable = true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The budget is spent: every name left would time out the same way.
                unreachable = true;
                break;
            }
        }

        return !unreachable ? SignUpVerdict.Allowed
            : failOpen ? SignUpVerdict.AllowedOldPoolUnavailable
            : SignUpVerdict.RefusedOldPoolUnavailable;
    }

    private async Task<SignUpVerdict> JudgeNameAsync(PreSignUpEvent trigger, string name, string? sweptUsername, CancellationToken cancellationToken)
    {
        if (await oldPool.FindByUsernameAsync(name, cancellationToken) is { } byUsername
            && await Unmigrated(trigger, byUsername, sweptUsername, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        foreach (var attribute in SignInName.PlausibleAliases(name, aliasAttributes))
        {
            var owners = await oldPool.FindByAttributeAsync(attribute, name, OwnerLimit, cancellationToken);
            if (owners.Count >= OwnerLimit)
            {
                return SignUpVerdict.RefusedNameOwnedByOldUser;
            }

            foreach (var owner in owners)
            {
                if (await Unmigrated(trigger, owner, sweptUsername, cancellationToken) is { } ownerRefusal)
                {
                    return ownerRefusal;
                }
            }
        }

        return SignUpVerdict.Allowed;
    }

    // The refusal when owner has not reached the new pool yet; null when it has, or when it is the user the sweep proved it creates.
    private async Task<SignUpVerdict?> Unmigrated(PreSignUpEvent trigger, OldUser owner, string? sweptUsername, CancellationToken cancellationToken)
    {
        if (sweptUsername is not null && string.Equals(owner.Username, sweptUsername, StringComparison.Ordinal))
        {
            return null;
        }

        if (await newPool.ExistsAsync(trigger.UserPoolId!, owner.Username, cancellationToken))
        {
            return null;
        }

        return trigger.TriggerSource == TriggerSources.PreSignUpAdminCreateUser
            && string.Equals(owner.Username, trigger.UserName, StringComparison.OrdinalIgnoreCase)
                ? SignUpVerdict.RefusedAdminCreateWithoutSweepProof
                : SignUpVerdict.RefusedNameOwnedByOldUser;
    }

    private async Task<bool> SweepProvesItselfAsync(PreSignUpEvent trigger, CancellationToken cancellationToken)
    {
        if (sweepKey is null || string.IsNullOrEmpty(trigger.UserName)
            || trigger.Request?.ClientMetadata?.GetValueOrDefault(SweepProof.MetadataKey) is not { Length: > 0 } proof)
        {
            return false;
        }

        try
        {
            var key = await sweepKey.GetAsync(cancellationToken);
            return SweepProof.Verify(key, trigger.UserPoolId!, trigger.UserName, proof, _time.GetUtcNow());
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
