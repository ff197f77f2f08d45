using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Migration.Decisions;

namespace Trigger.Cli.Sweep;

/// <summary>
/// Settles one old user against the new pool with the admin API: looks it up first (so migrated users
/// cost one read, not a creation and a PreSignUp invocation, and count as migrated whatever the old pool
/// says of them now), then judges whether it can be swept, writes the intent, creates it silently
/// (MessageAction SUPPRESS), then takes it out of FORCE_CHANGE_PASSWORD with an unknowable permanent
/// password; with notification, AdminResetUserPassword sends the reset code (RESET_REQUIRED).
/// A user found in the new pool counts as done; if it is there because a killed run created it, the
/// missing step is finished, so nobody is created twice or left in FORCE_CHANGE_PASSWORD.
/// </summary>
internal sealed class AdminStragglerCreator(
    ICognitoIdentityProvider newPool,
    string newUserPoolId,
    StragglerTriage triage,
    SweepPaces paces,
    bool notify,
    bool dryRun,
    IReadOnlySet<string> inDoubt,
    string? sweepKey = null,
    TimeProvider? time = null)
{
    public const string NameTakenInNewPool = "NameTakenInNewPool";
    public const string ResumedAfterInterruption = "ResumedAfterInterruption";
    public const string StuckInForceChangePassword = "StuckInForceChangePassword";
    public const string ResetCodeNotSent = "ResetCodeNotSent";
    public const string SmsMfaNotCarried = "SmsMfaNotCarried";
    public const string MfaNotCarried = "MfaNotCarried";

    /// <summary>Settles <paramref name="candidate"/>; <paramref name="recordIntent"/> must put the intent on disk before it returns.</summary>
    /// <exception cref="AwsServiceException">An error that ends the run (see <see cref="SweepErrors"/>).</exception>
    public async Task<JournalEntry> SettleAsync(StragglerCandidate candidate, Func<JournalEntry, Task> recordIntent, CancellationToken cancellationToken)
    {
        var user = candidate.User;
        var wasInDoubt = inDoubt.Contains(user.Username);
        try
        {
            // The new pool first: a user the trigger already moved is there whatever the old pool says of it
            // now (disabled since, attributes the new schema lacks, no verified contact) and belongs in the id map.
            if (await FindAsync(user.Username, cancellationToken) is { } existing)
            {
                return await SettleExistingAsync(candidate, existing, wasInDoubt, cancellationToken);
            }

            var verdict = triage.Judge(user);
            if (!verdict.IsEligible)
            {
                return Outcome(candidate, verdict.Outcome!, verdict.Reason, verdict.Detail);
            }

            if (dryRun)
            {
                return Outcome(candidate, StragglerOutcomes.WouldCreate, DroppedReason(verdict), DroppedDetail(verdict));
            }

            await recordIntent(new JournalEntry { E = JournalEntry.IntentKind, Seq = candidate.Sequence, User = user.Username });
            AdminCreateUserResponse created;
            try
            {
                await paces.Create.WaitAsync(cancellationToken);
                created = await newPool.AdminCreateUserAsync(
                    new AdminCreateUserRequest
                    {
                        UserPoolId = newUserPoolId,
                        Username = user.Username,
                        UserAttributes = [.. verdict.Attributes.Select(a => new AttributeType { Name = a.Key, Value = a.Value })],
                        MessageAction = "SUPPRESS",
                        ClientMetadata = Proof(user.Username),
                    },
                    cancellationToken);
            }
            catch (UsernameExistsException)
            {
                // Created between our look-up and our call (the trigger, or a run we cannot see).
                return await FindAsync(user.Username, cancellationToken) is { } raced
                    ? await SettleExistingAsync(candidate, raced, wasInDoubt, cancellationToken)
                    : Outcome(candidate, StragglerOutcomes.Failed, NameTakenInNewPool, "AdminCreateUser said the name exists, but AdminGetUser cannot find it (an alias of another user?)");
            }

            var newSub = created.User?.Attributes?.FirstOrDefault(a => a.Name == "sub")?.Value;
            var finished = await LeaveForceChangePasswordAsync(candidate, cancellationToken);
            return (finished ?? Outcome(candidate, StragglerOutcomes.Created, DroppedReason(verdict) ?? MfaReason(candidate), DroppedDetail(verdict) ?? MfaDetail(candidate))) with
            {
                NewUser = created.User?.Username ?? user.Username,
                NewSub = newSub,
            };
        }
        catch (AwsServiceException e) when (!SweepErrors.EndsTheRun(e))
        {
            return Outcome(candidate, StragglerOutcomes.Failed, SweepErrors.Reason(e), e.Message);
        }
    }

    private async Task<JournalEntry> SettleExistingAsync(StragglerCandidate candidate, AdminGetUserResponse existing, bool wasInDoubt, CancellationToken cancellationToken)
    {
        var username = candidate.User.Username;
        var newSub = existing.UserAttributes?.FirstOrDefault(a => a.Name == "sub")?.Value;
        if (!string.Equals(existing.Username, username, StringComparison.Ordinal))
        {
            return Outcome(
                candidate,
                StragglerOutcomes.Failed,
                NameTakenInNewPool,
                $"the new pool's user '{existing.Username}' already answers to this name (as an alias, or in another letter case); not created");
        }

        if (!wasInDoubt || dryRun)
        {
            return Outcome(candidate, StragglerOutcomes.AlreadyInNewPool, null, null) with { NewUser = existing.Username, NewSub = newSub };
        }

        // The killed run wrote the intent; the user exists, so that run created it. Finish what it started.
        JournalEntry? problem = null;
        if (existing.UserStatus == UserStatusType.ForceChangePassword)
        {
            problem = await LeaveForceChangePasswordAsync(candidate, cancellationToken);
        }
        else if (notify && existing.UserStatus == UserStatusType.Confirmed)
        {
            problem = await SendResetCodeAsync(candidate, cancellationToken);
        }

        return (problem ?? Outcome(candidate, StragglerOutcomes.Created, ResumedAfterInterruption, "created by the interrupted run, finished on resume")) with
        {
            NewUser = existing.Username,
            NewSub = newSub,
        };
    }

    // Null when the user ended CONFIRMED (or RESET_REQUIRED with notification); else the failed outcome.
    private async Task<JournalEntry?> LeaveForceChangePasswordAsync(StragglerCandidate candidate, CancellationToken cancellationToken)
    {
        try
        {
            await paces.Password.WaitAsync(cancellationToken);
            await newPool.AdminSetUserPasswordAsync(
                new AdminSetUserPasswordRequest
                {
                    UserPoolId = newUserPoolId,
                    Username = candidate.User.Username,
                    Password = UnknowablePassword.Create(),
                    Permanent = true,
                },
                cancellationToken);
        }
        catch (AwsServiceException e) when (!SweepErrors.EndsTheRun(e))
        {
            return Outcome(
                candidate,
                StragglerOutcomes.Failed,
                StuckInForceChangePassword,
                $"created, but AdminSetUserPassword failed ({SweepErrors.Reason(e)}: {e.Message}); the user is in FORCE_CHANGE_PASSWORD, where forgot-password does not work");
        }

        return notify ? await SendResetCodeAsync(candidate, cancellationToken) : null;
    }

    private async Task<JournalEntry?> SendResetCodeAsync(StragglerCandidate candidate, CancellationToken cancellationToken)
    {
        try
        {
            await paces.Password.WaitAsync(cancellationToken);
            await newPool.AdminResetUserPasswordAsync(
                new AdminResetUserPasswordRequest { UserPoolId = newUserPoolId, Username = candidate.User.Username }, cancellationToken);
            return null;
        }
        catch (AwsServiceException e) when (!SweepErrors.EndsTheRun(e))
        {
            return Outcome(
                candidate,
                StragglerOutcomes.Created,
                ResetCodeNotSent,
                $"created and CONFIRMED, but AdminResetUserPassword failed ({SweepErrors.Reason(e)}: {e.Message}); forgot-password still works");
        }
    }

    private async Task<AdminGetUserResponse?> FindAsync(string username, CancellationToken cancellationToken)
    {
        await paces.Read.WaitAsync(cancellationToken);
        try
        {
            return await newPool.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = newUserPoolId, Username = username }, cancellationToken);
        }
        catch (UserNotFoundException)
        {
            return null;
        }
    }

    // The PreSignUp guard lets an AdminCreateUser of an unmigrated old username through only with this
    // proof; it travels in ClientMetadata, which the client redacts from error messages like a password.
    private Dictionary<string, string>? Proof(string username) => sweepKey is null
        ? null
        : new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SweepProof.MetadataKey] = SweepProof.Create(sweepKey, newUserPoolId, username, (time ?? TimeProvider.System).GetUtcNow()),
        };

    private static JournalEntry Outcome(StragglerCandidate candidate, string outcome, string? reason, string? detail) => new()
    {
        E = JournalEntry.OutcomeKind,
        Seq = candidate.Sequence,
        User = candidate.User.Username,
        Outcome = outcome,
        Reason = reason,
        Detail = detail,
        OldSub = candidate.User.Attribute("sub"),
    };

    private static string? DroppedReason(TriageVerdict verdict) => verdict.Dropped.Count > 0 ? StragglerTriage.DroppedAttributes : null;

    private static string? DroppedDetail(TriageVerdict verdict) =>
        verdict.Dropped.Count > 0 ? $"dropped (not in the new schema): {string.Join(", ", verdict.Dropped)}" : null;

    // AdminCreateUser cannot set MFA preferences: say so rather than lose a second factor silently. A factor
    // other than SMS (TOTP, email codes) is known only from a snapshot exported with --mfa-details; ListUsers
    // shows legacy SMS settings only.
    private static string? MfaReason(StragglerCandidate candidate) => candidate.User.MfaMethods switch
    {
        var methods when methods.Any(m => m != "SMS_MFA") => MfaNotCarried,
        var methods when methods.Contains("SMS_MFA", StringComparer.Ordinal) => SmsMfaNotCarried,
        _ => null,
    };

    private static string? MfaDetail(StragglerCandidate candidate) => MfaReason(candidate) switch
    {
        MfaNotCarried => $"the old user had MFA ({string.Join(", ", candidate.User.MfaMethods)}) that cannot be carried over; the new user has none and gets in only through a reset code",
        SmsMfaNotCarried => "the old user had SMS MFA; the new user has no MFA preference set",
        _ => null,
    };
}
