using Trigger.Migration.Events;
using Trigger.Migration.Ports;

namespace Trigger.Migration.Decisions;

/// <summary>
/// The PreSignUp guard: SignUp does not fire the migration trigger, so without it a stranger could
/// register under the username, email, phone or preferred_username of an old user who has not migrated
/// yet. An administrator creating the very same username (the sweep) passes.
/// </summary>
public sealed class SignUpGuard(IOldUserDirectory oldPool, INewUserDirectory newPool, IReadOnlyList<string> aliasAttributes, bool failOpen)
{
    /// <summary>Judges <paramref name="trigger"/>.</summary>
    public async Task<SignUpVerdict> JudgeAsync(PreSignUpEvent trigger, CancellationToken cancellationToken)
    {
        if (trigger.TriggerSource == TriggerSources.PreSignUpExternalProvider)
        {
            return SignUpVerdict.AllowedExternalProvider;
        }

        var adminCreate = trigger.TriggerSource == TriggerSources.PreSignUpAdminCreateUser;
        try
        {
            await foreach (var owner in OwnersAsync(trigger, cancellationToken))
            {
                if (adminCreate && string.Equals(owner.Username, trigger.UserName, StringComparison.Ordinal))
                {
                    continue;
                }

                if (!await newPool.ExistsAsync(trigger.UserPoolId!, owner.Username, cancellationToken))
                {
                    return SignUpVerdict.RefusedNameOwnedByOldUser;
                }
            }

            return SignUpVerdict.Allowed;
        }
        catch (Exception e) when (e is UserDirectoryUnavailableException || (e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return failOpen ? SignUpVerdict.AllowedOldPoolUnavailable : SignUpVerdict.RefusedOldPoolUnavailable;
        }
    }

    private async IAsyncEnumerable<OldUser> OwnersAsync(
        PreSignUpEvent trigger, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(trigger.UserName)
            && await oldPool.FindByUsernameAsync(trigger.UserName, cancellationToken) is { } byUsername)
        {
            yield return byUsername;
        }

        var attributes = trigger.Request?.UserAttributes;
        if (attributes is null)
        {
            yield break;
        }

        foreach (var alias in aliasAttributes)
        {
            if (attributes.TryGetValue(alias, out var value) && !string.IsNullOrEmpty(value))
            {
                foreach (var owner in await oldPool.FindByAttributeAsync(alias, value, 1, cancellationToken))
                {
                    yield return owner;
                }
            }
        }
    }
}
