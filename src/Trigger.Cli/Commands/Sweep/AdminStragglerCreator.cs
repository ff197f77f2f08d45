using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Migration.Decisions;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// Settles one old user against the new pool with the admin API: looks it up first (so migrated users
/// cost one read, not a creation and a PreSignUp invocation, and count as migrated whatever the old pool
/// says of them now), then judges whether it can be swept, writes the intent, creates it silently
/// (MessageAction SUPPRESS), then takes it out of FORCE_CHANGE_PASSWORD with an unknowable permanent
/// password; with notification, AdminResetUserPassword sends the reset code (RESET_REQUIRED).
/// A user found in the new pool counts as migrated only once it is shown to be the same person
/// (<see cref="IdentityProof"/>): a name is not an identity, and the id map hands the old user's data
/// to whoever holds the name. If it is there because this sweep created it (a killed run, or a retried
/// creation whose first answer was lost), the missing step is finished, so nobody is created twice or
/// left in FORCE_CHANGE_PASSWORD; a user the trigger migrated meanwhile is left as it is.
/// </summary>
internal sealed class AdminStragglerCreator(
    ICognitoIdentityProvider newPool,
    string newUserPoolId,
    StragglerTriage triage,
    SweepPaces paces,
    IdentityProof identity,
    OldPoolReread? reread,
    bool notify,
    bool dryRun,
    IReadOnlyDictionary<string, DateTimeOffset?> inDoubt,
    string? sweepKey,
    TimeProvider time,
    SweepMemberships? memberships = null)
{
    public const string NameTakenInNewPool = "NameTakenInNewPool";
    public const string NameTakenByAnotherUser = "NameTakenByAnotherUser";
    public const string ResumedAfterInterruption = "ResumedAfterInterruption";
    public const string StuckInForceChangePassword = "StuckInForceChangePassword";
    public const string ResetCodeNotSent = "ResetCodeNotSent";
    public const string SmsMfaNotCarried = "SmsMfaNotCarried";
    public const string MfaNotCarried = "MfaNotCarried";

    /// <summary>
    /// How long after its intent a creation of this sweep can reach the pool: the batch retry pipeline's
    /// worst case (9 attempts of at most 30 s and 8 waits of at most 20 s, about 7 min) with room to spare.
    /// A user created later than that was created by someone else (the trigger, in practice).
    /// </summary>
    internal static readonly TimeSpan OwnCreationWindow = TimeSpan.FromMinutes(15);

    /// <summary>How far the pool's clock may be behind ours when comparing its creation date with an intent.</summary>
    internal static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Settles <paramref name="candidate"/>; <paramref name="recordIntent"/> must put the intent on disk before it returns.
    /// A user created, or shown to be the old user already in the new pool, then gets the groups its source recorded.
    /// </summary>
    /// <exception cref="AwsServiceException">An error that ends the run (see <see cref="SweepErrors"/>).</exception>
    public async Task<JournalEntry> SettleAsync(StragglerCandidate candidate, Func<JournalEntry, Task> recordIntent, CancellationToken cancellationToken)
    {
        var settling = new Settling();
        var outcome = await SettleUserAsync(candidate, recordIntent, settling, cancellationToken);
        if (memberships is null || dryRun || candidate.Groups is not { Count: > 0 } recorded || outcome.NewUser is null
            || outcome.Outcome is not (StragglerOutcomes.Created or StragglerOutcomes.AlreadyInNewPool))
        {
            return outcome;
        }

        try
        {
            // A snapshot is a photograph: a membership is carried only while the old pool still has it (one revoked since
            // the export is not given back). Gone from the old pool: nothing to confirm, nothing carried; and the old
            // pool's groups are asked for only by the username the re-read just found spelled exactly so, since
            // AdminListGroupsForUser, like AdminGetUser, also answers to another user's alias.
            var groups = reread is null ? recorded
                : settling.InOldPool ? await CurrentGroupsAsync(candidate.User.Username, recorded, cancellationToken)
                : [];
            return groups.Count == 0 ? outcome : await memberships.AddAsync(outcome, groups, settling.CreatedNow, cancellationToken);
        }
        catch (AwsServiceException e) when (!SweepErrors.EndsTheRun(e))
        {
            return outcome with { GroupsFailed = recorded.Count };
        }
    }

    private async Task<IReadOnlyList<string>> CurrentGroupsAsync(string username, IReadOnlyList<string> recorded, CancellationToken cancellationToken)
    {
        var now = await reread!.GroupsAsync(username, cancellationToken);
        return [.. recorded.Where(now.Contains)];
    }

    private async Task<JournalEntry> SettleUserAsync(
        StragglerCandidate candidate, Func<JournalEntry, Task> recordIntent, Settling settling, CancellationToken cancellationToken)
    {
        var user = candidate.User;
        var attempt = inDoubt.TryGetValue(user.Username, out var intentAt) ? new CreationAttempt(intentAt, Resumed: true) : null;
        try
        {
            // The new pool first: a user the trigger already moved is there whatever the old pool says of it
            // now (disabled since, attributes the new schema lacks, no verified contact) and belongs in the id map.
            if (await FindAsync(user.Username, cancellationToken) is { } existing)
            {
                // The proof compares with the old user as the old pool has it now: a snapshot's verified email may
                // have changed since, and its old owner no longer vouches for it. Gone since: the snapshot is all there is.
                if (reread is not null && await reread.ReadAsync(user.Username, cancellationToken) is { } now)
                {
                    candidate = candidate with { User = now };
                    settling.InOldPool = true;
                }

                return await SettleExistingAsync(candidate, existing, attempt, cancellationToken);
            }

            if (reread is not null)
            {
                // A snapshot is a photograph: create the user as the old pool has it now, or not at all.
                if (await reread.ReadAsync(user.Username, cancellationToken) is not { } current)
                {
                    return Outcome(candidate, StragglerOutcomes.Skipped, OldPoolReread.GoneFromOldPool, "in the snapshot, but no longer in the old pool (deleted since the export)");
                }

                candidate = candidate with { User = current };
                user = current;
                settling.InOldPool = true;
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

            // The pace first, so the intent's time is the creation's time give or take the retries (OwnCreationWindow).
            await paces.Create.WaitAsync(cancellationToken);
            attempt = new CreationAttempt(time.GetUtcNow(), Resumed: false);
            await recordIntent(new JournalEntry { E = JournalEntry.IntentKind, Seq = candidate.Sequence, User = user.Username, At = attempt.At });
            AdminCreateUserResponse created;
            try
            {
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
                settling.CreatedNow = true;
            }
            catch (UsernameExistsException)
            {
                // Our own creation, when a retry followed a lost answer (a timeout or a 5xx after the write);
                // else created between our look-up and our call (the trigger, or a run we cannot see).
                return await FindAsync(user.Username, cancellationToken) is { } raced
                    ? await SettleExistingAsync(candidate, raced, attempt, cancellationToken)
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

    // attempt: this sweep may have created the user (an intent in doubt, or our own creation met UsernameExists).
    private async Task<JournalEntry> SettleExistingAsync(StragglerCandidate candidate, AdminGetUserResponse existing, CreationAttempt? attempt, CancellationToken cancellationToken)
    {
        var username = candidate.User.Username;
        var newSub = existing.UserAttributes?.FirstOrDefault(a => a.Name == "sub")?.Value;
        if (!identity.SameName(existing.Username, username))
        {
            return Outcome(
                candidate,
                StragglerOutcomes.Failed,
                NameTakenInNewPool,
                $"the new pool's user '{existing.Username}' already answers to this name (as an alias, or in another letter case); not created");
        }

        if (identity.Contradiction(candidate.User, existing) is { } why)
        {
            // No NewUser/NewSub and a failed outcome: no id-map row pairs the old user's data with this account.
            return Outcome(candidate, StragglerOutcomes.Failed, NameTakenByAnotherUser, why);
        }

        // FORCE_CHANGE_PASSWORD, once the user is shown to be this old user, is always the sweep's own work: the
        // trigger creates users CONFIRMED (or RESET_REQUIRED), never in that status. That covers a user a set-aside
        // run recorded as StuckInForceChangePassword, whose intent is settled and so not in doubt.
        // Only a resumed attempt may have got past the password step (killed before the reset code): our own
        // creation that just met UsernameExists cannot have, so a CONFIRMED user there is the trigger's.
        var ours = existing.UserStatus == UserStatusType.ForceChangePassword || (attempt is { Resumed: true } && attempt.Covers(existing.UserCreateDate));
        if (!ours || dryRun)
        {
            return Outcome(candidate, StragglerOutcomes.AlreadyInNewPool, null, null) with { NewUser = existing.Username, NewSub = newSub };
        }

        // This sweep created the user and did not finish (killed, or the answer was lost): finish what it started.
        JournalEntry? problem = null;
        if (existing.UserStatus == UserStatusType.ForceChangePassword)
        {
            problem = await LeaveForceChangePasswordAsync(candidate, cancellationToken);
        }
        else if (notify && existing.UserStatus == UserStatusType.Confirmed)
        {
            // CONFIRMED within the window of an intent in doubt: our password step may have run, or the trigger may
            // have migrated the user meanwhile (it keeps their password). Nothing on record tells which, and a
            // reset code would lock a migrated user out of the password they use: none is sent.
            problem = Outcome(
                candidate,
                StragglerOutcomes.Created,
                ResetCodeNotSent,
                "CONFIRMED in the new pool after an interrupted creation; whether this sweep or the trigger made it so is not on record, so no reset code was sent (forgot-password works)");
        }

        return (problem ?? Outcome(candidate, StragglerOutcomes.Created, ResumedAfterInterruption, "created by an interrupted attempt, finished now")) with
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
    // It is made over the name as the new pool compares it: a case-insensitive pool hands the guard "quinn"
    // for the "Quinn" created here, and the guard checks the proof over the same key.
    private Dictionary<string, string>? Proof(string username) => sweepKey is null
        ? null
        : new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SweepProof.MetadataKey] = SweepProof.Create(sweepKey, newUserPoolId, identity.Names.Key(username), time.GetUtcNow()),
        };

    /// <summary>The journal line of <paramref name="candidate"/>'s outcome (shared with <c>sync</c>'s changes).</summary>
    internal static JournalEntry Outcome(StragglerCandidate candidate, string outcome, string? reason, string? detail) => new()
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

    /// <summary>What one settlement learnt on the way that its membership step needs.</summary>
    private sealed class Settling
    {
        /// <summary>This settlement's own AdminCreateUser succeeded: the new user has no groups yet.</summary>
        public bool CreatedNow { get; set; }

        /// <summary>The re-read found the user in the old pool under exactly this username.</summary>
        public bool InOldPool { get; set; }
    }

    /// <summary>
    /// A creation this sweep may have made, when its intent was written (null: not recorded), and whether it is
    /// an intent in doubt from an earlier run (resumed) or this run's own creation.
    /// </summary>
    private sealed record CreationAttempt(DateTimeOffset? At, bool Resumed)
    {
        // A user created (by the pool's clock) inside the window after our intent may be ours; one created
        // later, or earlier, is not: the trigger migrated it. Without either date nobody can tell: not ours.
        public bool Covers(DateTimeOffset? created) =>
            At is { } at && created is { } date && date >= at - ClockSkew && date <= at + OwnCreationWindow;
    }
}
