using Trigger.Cli.Clients;

namespace Trigger.Cli.Commands.Plan;

/// <summary>
/// The new pool's triggers. The UserMigration trigger alone leaves a door open: until a user signs in and
/// is migrated, anyone can sign up in the new pool with that user's name (or email), and from then on the
/// trigger never runs for the real owner. The PreSignUp guard refuses such sign-ups.
/// </summary>
internal static class TriggerChecks
{
    public static IEnumerable<Finding> Run(PlanInput input)
    {
        var triggers = input.NewPool.LambdaConfig;
        if (triggers?.UserMigration is { Length: > 0 } && string.IsNullOrEmpty(triggers.PreSignUp))
        {
            yield return new Finding(
                "pre-sign-up-guard-missing",
                Severity.Warning,
                "sign-in",
                "The new pool has the UserMigration trigger but no PreSignUp guard: anyone can sign up with the name or email of an old user who has not signed in yet, "
                + "and take the account's place (the trigger never runs for the real owner, and forgot-password reaches the stranger).",
                $"Attach the guard: cognito-migrate enable --new-pool-id <id> --function-arn {triggers.UserMigration} (enable attaches both by default).");
        }
        else if (triggers?.UserMigration is { Length: > 0 } migration && triggers.PreSignUp is { Length: > 0 } preSignUp
            && !FunctionArns.SameFunction(migration, preSignUp))
        {
            // A pool has one PreSignUp trigger: held by another function, the guard is not there, whatever that function does.
            yield return new Finding(
                "pre-sign-up-not-the-guard",
                Severity.Warning,
                "sign-in",
                $"The new pool's PreSignUp trigger is {preSignUp}, not the migration function {migration}: unless that function refuses sign-ups "
                + "with the names and emails of old users, anyone can take the place of an old user who has not signed in yet.",
                "Make sure that function refuses such sign-ups, or attach the guard instead: cognito-migrate enable --replace (it replaces the app's own PreSignUp).");
        }

        // The guard sees sign-ups only. preferred_username needs no verification to act as an alias (email and phone
        // do), so a signed-up user who may write it can set it to an unmigrated old username later and take that name.
        if (input.NewPool.AliasAttributes?.Contains("preferred_username", StringComparer.Ordinal) == true)
        {
            var writers = input.NewClients.Where(WritesPreferredUsername).Select(c => c.ClientName ?? c.ClientId ?? "?").ToList();
            if (writers.Count > 0)
            {
                yield return new Finding(
                    "alias-writable-after-sign-up",
                    Severity.Warning,
                    "sign-in",
                    $"App clients of the new pool may write preferred_username ({string.Join(", ", writers)}), a sign-in alias that needs no verification: "
                    + "a user can sign up with a clean name, then set preferred_username to an old user's username who has not migrated yet. "
                    + "From then on that name signs in to the stranger and the trigger never runs for the real owner; the PreSignUp guard sees sign-ups only.",
                    "For the migration window, give those clients a WriteAttributes list without preferred_username (UpdateUserPoolClient), or have the app refuse changes to it.");
            }
        }
    }

    // Without a custom list a client writes every standard attribute (API reference, UserPoolClientType.WriteAttributes).
    private static bool WritesPreferredUsername(Trigger.Aws.Cognito.UserPoolClientType client) =>
        client.WriteAttributes is not { } written || written.Contains("preferred_username", StringComparer.Ordinal);
}
