using System.Text.Json;
using Trigger.Function.Logging;
using Trigger.Function.Runtime;
using Trigger.Migration.Decisions;
using Trigger.Migration.Events;

namespace Trigger.Function.Handlers;

/// <summary>
/// Chooses the handler by <c>triggerSource</c>, runs it inside the invocation's time budget, and turns
/// every bad event into one error naming what was wrong (never its content). With <c>groups</c>, a
/// migration also leaves the user's old groups for the later steps of the same sign-in: PostAuthentication adds
/// the memberships, Pre token generation puts them into the first tokens (see <see cref="GroupCarry"/>).
/// Without <c>groups</c> (<c>MIGRATION_CARRY_GROUPS=false</c>) those two steps answer at once and change nothing.
/// </summary>
internal sealed class TriggerDispatcher(
    SignInMigration migration,
    SignUpGuard guard,
    MeteredOldPool oldPool,
    InvocationLogger log,
    TimeProvider time,
    TimeSpan safetyMargin,
    GroupCarry? groups = null)
    : IInvocationHandler
{
    /// <summary>The message a refused sign-up sees ("PreSignUp failed with error ..."): the same whatever the cause.</summary>
    public const string SignUpRefusedMessage = "This sign-up cannot be completed.";

    public async Task<InvocationResult> HandleAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        oldPool.Reset();
        var source = "unknown";
        InvocationResult result;
        InvocationRecord record;
        try
        {
            source = JsonSerializer.Deserialize(invocation.Body.Span, TriggerJsonContext.Default.TriggerEnvelope)?.TriggerSource
                ?? throw new MalformedEventException("The event has no triggerSource.");
            using var budget = new InvocationBudget(invocation.Deadline, invocation.WaitingSince, safetyMargin, time, cancellationToken);
            (result, record) = source switch
            {
                TriggerSources.MigrationAuthentication or TriggerSources.MigrationForgotPassword =>
                    await MigrateAsync(invocation, source, budget.Token),
                TriggerSources.PreSignUpSignUp or TriggerSources.PreSignUpAdminCreateUser or TriggerSources.PreSignUpExternalProvider =>
                    await GuardAsync(invocation, source, budget.Token),
                TriggerSources.PostAuthentication => await CarryGroupsAsync(invocation, source, budget.Token),
                _ when source.StartsWith(TriggerSources.TokenGenerationPrefix, StringComparison.Ordinal) =>
                    await GroupsForTokensAsync(invocation, source, budget.Token),
                _ => Failure(invocation, "UnknownTriggerSource", $"This function does not handle triggerSource '{Shorten(source)}'.", source),
            };
        }
        catch (JsonException e)
        {
            // The path names the field; the message could quote content, so it is not used.
            (result, record) = Failure(invocation, "MalformedEvent", $"The event is not valid trigger JSON (at {e.Path ?? "$"}).", source);
        }
        catch (MalformedEventException e)
        {
            (result, record) = Failure(invocation, "MalformedEvent", e.Message, source);
        }

        log.Invocation(record with { DurationMs = time.GetElapsedTime(started).TotalMilliseconds, OldPoolMs = oldPool.ElapsedMs, OldPoolCalls = oldPool.Calls });
        return result;
    }

    private async Task<(InvocationResult, InvocationRecord)> MigrateAsync(Invocation invocation, string source, CancellationToken budget)
    {
        var trigger = JsonSerializer.Deserialize(invocation.Body.Span, TriggerJsonContext.Default.UserMigrationEvent)!;
        var outcome = await migration.MigrateAsync(trigger, budget);
        var recorded = groups is null ? GroupsRecorded.None : await groups.RecordAsync(trigger, outcome, budget);
        var payload = JsonSerializer.SerializeToUtf8Bytes(UserMigrationResult.For(trigger, outcome.Response), TriggerJsonContext.Default.UserMigrationResult);
        return (InvocationResult.Success(payload), new InvocationRecord
        {
            RequestId = invocation.RequestId,
            TriggerSource = source,
            Outcome = outcome.Refusal is null ? "migrated" : "refused",
            Reason = outcome.Refusal?.ToString(),
            FinalUserStatus = outcome.Response.FinalUserStatus,
            ViaAlias = outcome.ViaAlias,
            DroppedAttributes = outcome.DroppedAttributes,
            GroupsRecorded = recorded.Groups,
            GroupsFailure = recorded.Failure,
            DurationMs = 0,
        });
    }

    /// <summary>
    /// Adds the groups a migration left for this user. Never an error: a failed PostAuthentication would
    /// fail the sign-in, and a user without their groups is better than a user who cannot sign in.
    /// </summary>
    private async Task<(InvocationResult, InvocationRecord)> CarryGroupsAsync(Invocation invocation, string source, CancellationToken budget)
    {
        var trigger = JsonSerializer.Deserialize(invocation.Body.Span, TriggerJsonContext.Default.PostAuthenticationEvent)!;
        var carried = groups is null || string.IsNullOrEmpty(trigger.UserPoolId) || string.IsNullOrEmpty(trigger.UserName)
            ? GroupsCarried.NothingWaiting
            : await groups.ApplyAsync(trigger.UserPoolId, trigger.UserName, budget);
        var payload = JsonSerializer.SerializeToUtf8Bytes(PostAuthenticationResult.For(trigger), TriggerJsonContext.Default.PostAuthenticationResult);
        return (InvocationResult.Success(payload), new InvocationRecord
        {
            RequestId = invocation.RequestId,
            TriggerSource = source,
            Outcome = "allowed",
            Reason = CarriedReason(carried),
            GroupsAdded = carried.Added,
            GroupsMissing = carried.Missing,
            GroupsFailure = carried.Failure,
            DurationMs = 0,
        });
    }

    /// <summary>
    /// Puts a just-migrated user's groups into the tokens Cognito is about to issue. A token refresh (never a
    /// migration sign-in) and a client-credentials grant answer at once, without looking: refreshes cost nothing.
    /// Never an error, for the same reason as PostAuthentication; nothing found means the tokens stay as they are.
    /// </summary>
    private async Task<(InvocationResult, InvocationRecord)> GroupsForTokensAsync(Invocation invocation, string source, CancellationToken budget)
    {
        var trigger = JsonSerializer.Deserialize(invocation.Body.Span, TriggerJsonContext.Default.PreTokenGenerationEvent)!;
        var carried = groups is null || string.IsNullOrEmpty(trigger.UserPoolId) || string.IsNullOrEmpty(trigger.UserName)
            || source is TriggerSources.TokenGenerationRefreshTokens or TriggerSources.TokenGenerationClientCredentials
            ? GroupsCarried.NothingWaiting
            : await groups.ForTokensAsync(trigger.UserPoolId, trigger.UserName, budget);
        var answer = carried.TokenGroups.Count == 0
            ? PreTokenGenerationResult.Unchanged(trigger)
            : PreTokenGenerationResult.WithGroups(trigger, carried.TokenGroups);
        var payload = JsonSerializer.SerializeToUtf8Bytes(answer, TriggerJsonContext.Default.PreTokenGenerationResult);
        return (InvocationResult.Success(payload), new InvocationRecord
        {
            RequestId = invocation.RequestId,
            TriggerSource = Shorten(source),
            Outcome = "allowed",
            Reason = CarriedReason(carried),
            GroupsAdded = carried.Added,
            GroupsMissing = carried.Missing,
            GroupsFailure = carried.Failure,
            GroupsInTokens = carried.TokenGroups.Count,
            DurationMs = 0,
        });
    }

    private static string? CarriedReason(GroupsCarried carried) =>
        !carried.Waiting ? (carried.Failure is not null ? "GroupHandOverUnreadable" : null)
        : carried.Failure is not null ? "GroupsNotCarried"
        : carried.Missing.Count > 0 ? "GroupMissingInNewPool"
        : "GroupsCarried";

    private async Task<(InvocationResult, InvocationRecord)> GuardAsync(Invocation invocation, string source, CancellationToken budget)
    {
        var trigger = JsonSerializer.Deserialize(invocation.Body.Span, TriggerJsonContext.Default.PreSignUpEvent)!;
        if (string.IsNullOrEmpty(trigger.UserPoolId))
        {
            throw new MalformedEventException("The PreSignUp event has no userPoolId.");
        }

        var verdict = await guard.JudgeAsync(trigger, budget);
        var allowed = verdict is SignUpVerdict.Allowed or SignUpVerdict.AllowedExternalProvider or SignUpVerdict.AllowedOldPoolUnavailable;
        var record = new InvocationRecord
        {
            RequestId = invocation.RequestId,
            TriggerSource = source,
            Outcome = allowed ? "allowed" : "refused",
            Reason = verdict == SignUpVerdict.Allowed ? null : verdict.ToString(),
            DurationMs = 0,
        };
        return allowed
            ? (InvocationResult.Success(JsonSerializer.SerializeToUtf8Bytes(PreSignUpResult.Allow(trigger), TriggerJsonContext.Default.PreSignUpResult)), record)
            : (InvocationResult.Error("SignUpRefused", SignUpRefusedMessage), record);
    }

    private static (InvocationResult, InvocationRecord) Failure(Invocation invocation, string type, string message, string source) =>
        (InvocationResult.Error(type, message), new InvocationRecord
        {
            RequestId = invocation.RequestId,
            TriggerSource = Shorten(source),
            Outcome = "error",
            Reason = type,
            DurationMs = 0,
        });

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "...";

    private sealed class MalformedEventException(string message) : Exception(message);
}
