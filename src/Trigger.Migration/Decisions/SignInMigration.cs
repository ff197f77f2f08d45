using Trigger.Migration.Attributes;
using Trigger.Migration.Events;
using Trigger.Migration.Ports;

namespace Trigger.Migration.Decisions;

/// <summary>
/// The <c>UserMigration</c> trigger's decision: who the typed name is in the old pool, whether they may
/// migrate, with which attributes and final status. Every failure becomes the same empty response.
/// With <see cref="INewPoolProfiles"/> the new pool (the event's <c>userPoolId</c>) is read first, once per
/// pool: its case rule, and its sign-in attributes, custom attributes and password policy wherever the
/// options do not override them.
/// </summary>
public sealed class SignInMigration
{
    private readonly IOldUserDirectory _oldPool;
    private readonly SignInMigrationOptions _options;
    private readonly INewPoolProfiles? _newPools;
    private readonly IFoldedNameIndex? _foldIndex;
    private Plan? _plan;

    /// <summary>
    /// Creates the migration over <paramref name="oldPool"/>. Without <paramref name="newPools"/> the options
    /// are used as they are and the new pool is taken to be case-sensitive (the API's default).
    /// <paramref name="foldIndex"/>, when given, is consulted when the exact look-ups find nobody (a
    /// case-sensitive old pool behind a case-insensitive new one).
    /// </summary>
    public SignInMigration(IOldUserDirectory oldPool, SignInMigrationOptions options, INewPoolProfiles? newPools = null, IFoldedNameIndex? foldIndex = null)
    {
        _oldPool = oldPool;
        _options = options;
        _newPools = newPools;
        _foldIndex = foldIndex;
        _plan = newPools is null ? new Plan(null, oldPool, options, NameRule.CaseSensitive, foldIndex) : null;
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
            Plan plan;
            try
            {
                plan = await PlanForAsync(trigger.UserPoolId, cancellationToken);
            }
            catch (UserDirectoryUnavailableException) when (!cancellationToken.IsCancellationRequested)
            {
                return MigrationOutcome.Refused(Refusal.NewPoolUnreadable);
            }

            var resolution = await plan.Resolver.ResolveAsync(typedName, cancellationToken);
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
                var meetsPolicy = plan.Options.NewPasswordPolicy?.Accepts(password!) ?? true;
                var (status, afterCheck) = MigrationRules.AfterPasswordCheck(user, check.Value, meetsPolicy, plan.Options.WeakPasswordAction);
                if (afterCheck is { } refusedAfterCheck)
                {
                    return MigrationOutcome.Refused(refusedAfterCheck);
                }

                finalStatus = status!;
            }

            var (mfaStatus, mfaRefusal) = MigrationRules.ForUncarriedMfa(user, check, finalStatus, plan.Options.UncarriedMfaAction);
            if (mfaRefusal is { } lostFactor)
            {
                return MigrationOutcome.Refused(lostFactor);
            }

            return Migrated(plan, user, resolution.ViaAlias, mfaStatus!, check);
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

    // The profile is kept per pool by its source; the plan built from it is kept while the same profile comes back.
    private async ValueTask<Plan> PlanForAsync(string? userPoolId, CancellationToken cancellationToken)
    {
        if (_newPools is null)
        {
            return _plan!;
        }

        if (string.IsNullOrEmpty(userPoolId))
        {
            throw new UserDirectoryUnavailableException("the event names no user pool", transient: false);
        }

        var profile = await _newPools.GetAsync(userPoolId, cancellationToken);
        if (_plan is { } kept && ReferenceEquals(kept.Profile, profile))
        {
            return kept;
        }

        var plan = new Plan(profile, _oldPool, _options.For(profile), profile.Names, _foldIndex);
        _plan = plan;
        return plan;
    }

    // The old username goes back only when the typed name reached the user through an alias, judged by the new
    // pool's rule: the documented use of `username` in a migration answer (archived developer guide, "Importing
    // users with a user migration Lambda trigger"). A case-insensitive new pool's folded "quinn" for the old
    // "Quinn" is the same name to that pool, which outputs it lowercased anyway, so nothing is gained by
    // returning "Quinn" there and an answer the docs do not describe could fail every such migration.
    private static MigrationOutcome Migrated(Plan plan, OldUser user, bool viaAlias, string finalStatus, PasswordCheck? check)
    {
        var mapped = plan.Mapper.Map(user, includeUsername: viaAlias);
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
            NewPoolNames = plan.Names,
            DroppedAttributes = mapped.Dropped,
        };
    }

    // The decisions' parts for one new pool.
    private sealed class Plan(NewPoolProfile? profile, IOldUserDirectory oldPool, SignInMigrationOptions options, NameRule names, IFoldedNameIndex? foldIndex)
    {
        public NewPoolProfile? Profile { get; } = profile;

        public SignInMigrationOptions Options { get; } = options;

        public NameRule Names { get; } = names;

        public SignInNameResolver Resolver { get; } = new(oldPool, options.AliasAttributes, names, foldIndex);

        public AttributeMapper Mapper { get; } = new(options.Attributes);
    }
}
