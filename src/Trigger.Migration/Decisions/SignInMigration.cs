using Trigger.Migration.Attributes;
using Trigger.Migration.Events;
using Trigger.Migration.Ports;

namespace Trigger.Migration.Decisions;

/// <summary>
/// The <c>UserMigration</c> trigger's decision: who the typed name is in the old pool, whether they may
/// migrate, with which attributes and final status. Every failure becomes the same empty response.
/// </summary>
public sealed class SignInMigration
{
    private readonly IOldUserDirectory _oldPool;
    private readonly SignInMigrationOptions _options;
    private readonly SignInNameResolver _resolver;
    private readonly AttributeMapper _mapper;

    /// <summary>Creates the migration over <paramref name="oldPool"/>.</summary>
    public SignInMigration(IOldUserDirectory oldPool, SignInMigrationOptions options)
    {
        _oldPool = oldPool;
        _options = options;
        _resolver = new SignInNameResolver(oldPool, options.AliasAttributes);
        _mapper = new AttributeMapper(options.Attributes);
    }

    /// <summary>
    /// Decides for <paramref name="trigger"/>. Cancel <paramref name="cancellationToken"/> at the end of the
    /// time budget: the outcome is then a refusal, never an exception.
    /// </summary>
    public async Task<MigrationOutcome> MigrateAsync(UserMigrationEvent trigger, CancellationToken cancellationToken)
    {
        var forgotPassword = trigger.TriggerSource == TriggerSources.MigrationForgotPassword;
        var typedName = trigger.UserName;
        var password = trigger.Request?.Password;
        if (string.IsNullOrEmpty(typedName) || (!forgotPassword && string.IsNullOrEmpty(password)))
        {
            return MigrationOutcome.Refused(Refusal.IncompleteEvent);
        }

        try
        {
            var resolution = await _resolver.ResolveAsync(typedName, cancellationToken);
            if (resolution.User is not { } user)
            {
                return MigrationOutcome.Refused(resolution.Ambiguous ? Refusal.AmbiguousSignInName : Refusal.UnknownUser);
            }

            string finalStatus;
            PasswordCheck? check = null;
            if (forgotPassword)
            {
                if (MigrationRules.ForForgotPassword(user) is { } refusal)
                {
                    return MigrationOutcome.Refused(refusal);
                }

                finalStatus = MigrationRules.ResetRequired;
            }
            else
            {
                if (MigrationRules.BeforePasswordCheck(user) is { } refusal)
                {
                    return MigrationOutcome.Refused(refusal);
                }

                check = await _oldPool.CheckPasswordAsync(user.Username, password!, cancellationToken);
                var meetsPolicy = _options.NewPasswordPolicy?.Accepts(password!) ?? true;
                var (status, afterCheck) = MigrationRules.AfterPasswordCheck(user, check.Value, meetsPolicy, _options.WeakPasswordAction);
                if (afterCheck is { } refusedAfterCheck)
                {
                    return MigrationOutcome.Refused(refusedAfterCheck);
                }

                finalStatus = status!;
            }

            var (mfaStatus, mfaRefusal) = MigrationRules.ForUncarriedMfa(user, check, finalStatus, _options.UncarriedMfaAction);
            if (mfaRefusal is { } lostFactor)
            {
                return MigrationOutcome.Refused(lostFactor);
            }

            return Migrated(user, resolution.ViaAlias, mfaStatus!, check);
        }
        catch (UserDirectoryUnavailableException e)
        {
            return MigrationOutcome.Refused(
                cancellationToken.IsCancellationRequested ? Refusal.DeadlineExceeded
                : e.Transient ? Refusal.OldPoolUnavailable
                : Refusal.OldPoolRejectedLookup);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return MigrationOutcome.Refused(Refusal.DeadlineExceeded);
        }
    }

    private MigrationOutcome Migrated(OldUser user, bool viaAlias, string finalStatus, PasswordCheck? check)
    {
        var mapped = _mapper.Map(user, includeUsername: viaAlias);
        return new MigrationOutcome
        {
            Response = new UserMigrationResponse
            {
                UserAttributes = mapped.Attributes,
                FinalUserStatus = finalStatus,
                MessageAction = "SUPPRESS",
                EnableSmsMfa = MigrationRules.CarriesSmsMfa(user, check),
                ForceAliasCreation = false,
            },
            ViaAlias = viaAlias,
            OldUsername = user.Username,
            DroppedAttributes = mapped.Dropped,
        };
    }
}
