using Trigger.Contract;

namespace Trigger.Cli.Commands.Plan;

/// <summary>
/// App clients. New pool: some client must send the password (USER_PASSWORD_AUTH or
/// ADMIN_USER_PASSWORD_AUTH), or the trigger never fires; each such client should hide whether a
/// user exists. Old pool: the trigger signs in with ADMIN_USER_PASSWORD_AUTH through one client,
/// and a client secret means the trigger needs it from Secrets Manager.
/// </summary>
internal static class AppClientChecks
{
    public static IEnumerable<Finding> Run(PlanInput input)
    {
        foreach (var finding in NewPoolClients(input))
        {
            yield return finding;
        }

        foreach (var finding in OldPoolClient(input))
        {
            yield return finding;
        }
    }

    private static IEnumerable<Finding> NewPoolClients(PlanInput input)
    {
        const string Area = "new-pool-clients";
        if (input.NewClients.Count == 0)
        {
            yield return input.NewClientId is { } id
                ? new Finding(
                    "new-client-missing",
                    Severity.Blocking,
                    Area,
                    $"The new pool has no app client {id}.",
                    "Check --new-client-id, or leave it out to check every app client of the new pool.")
                : new Finding(
                    "new-client-missing",
                    Severity.Blocking,
                    Area,
                    "The new pool has no app client, so no one can sign in and the trigger never fires.",
                    "Create an app client with ALLOW_USER_PASSWORD_AUTH (CreateUserPoolClient) for the apps to sign in through.");
            yield break;
        }

        var reaching = input.NewClients.Where(AuthFlows.ReachesTrigger).ToList();
        if (reaching.Count == 0)
        {
            yield return new Finding(
                "password-auth",
                Severity.Blocking,
                Area,
                $"No app client of the new pool allows USER_PASSWORD_AUTH or ADMIN_USER_PASSWORD_AUTH ({Names(input.NewClients)}): sign-ins use SRP and the trigger never fires.",
                "Add ALLOW_USER_PASSWORD_AUTH to the app client's ExplicitAuthFlows for the migration window (UpdateUserPoolClient), and sign in with USER_PASSWORD_AUTH.");
        }
        else
        {
            foreach (var client in input.NewClients.Where(c => !AuthFlows.ReachesTrigger(c)))
            {
                yield return new Finding(
                    "password-auth",
                    Severity.Warning,
                    Area,
                    $"App client {Name(client)} allows neither USER_PASSWORD_AUTH nor ADMIN_USER_PASSWORD_AUTH: old users who sign in through it never reach the trigger.",
                    "Add ALLOW_USER_PASSWORD_AUTH to this client for the migration window, or route old users through a client that has it.");
            }
        }

        foreach (var client in reaching.Where(c => !string.Equals(c.PreventUserExistenceErrors, "ENABLED", StringComparison.Ordinal)))
        {
            yield return new Finding(
                "user-existence-errors",
                Severity.Warning,
                Area,
                $"App client {Name(client)} has PreventUserExistenceErrors {client.PreventUserExistenceErrors ?? "LEGACY"}: a refused migration answers UserNotFoundException instead of the generic wrong-password error, which tells callers which names exist.",
                "Set PreventUserExistenceErrors to ENABLED on this client (UpdateUserPoolClient, writing back its other settings).");
        }
    }

    private static IEnumerable<Finding> OldPoolClient(PlanInput input)
    {
        const string Area = "old-pool-client";
        if (input.OldClientId is { } id)
        {
            var client = input.OldClients.FirstOrDefault(c => c.ClientId == id);
            if (client is null)
            {
                yield return new Finding(
                    "old-client-missing",
                    Severity.Blocking,
                    Area,
                    $"The old pool has no app client {id}.",
                    $"Check --old-client-id: it is the client the trigger signs in through ({TriggerSettingNames.OldClientId}).");
                yield break;
            }

            if (!AuthFlows.AllowsAdminPassword(client))
            {
                yield return new Finding(
                    "old-client-admin-auth",
                    Severity.Blocking,
                    Area,
                    $"App client {Name(client)} of the old pool does not allow ADMIN_USER_PASSWORD_AUTH, the flow the trigger checks passwords with.",
                    "Add ALLOW_ADMIN_USER_PASSWORD_AUTH to this client (UpdateUserPoolClient), or create a client for the trigger that has it.");
            }

            if (client.HasClientSecret && !input.OldClientSecretArnGiven)
            {
                yield return SecretFinding(Name(client));
            }

            yield break;
        }

        var candidates = input.OldClients.Where(AuthFlows.AllowsAdminPassword).ToList();
        if (candidates.Count == 0)
        {
            yield return new Finding(
                "old-client-admin-auth",
                Severity.Blocking,
                Area,
                input.OldClients.Count == 0
                    ? "The old pool has no app client; the trigger needs one with ADMIN_USER_PASSWORD_AUTH to check passwords."
                    : $"No app client of the old pool allows ADMIN_USER_PASSWORD_AUTH ({Names(input.OldClients)}), the flow the trigger checks passwords with.",
                $"Create an app client in the old pool with ALLOW_ADMIN_USER_PASSWORD_AUTH (no secret is simplest) and give it to the trigger as {TriggerSettingNames.OldClientId}.");
        }
        else if (candidates.All(c => c.HasClientSecret) && !input.OldClientSecretArnGiven)
        {
            yield return SecretFinding(Names(candidates));
        }
    }

    private static Finding SecretFinding(string clients) => new(
        "old-client-secret",
        Severity.Warning,
        "old-pool-client",
        $"App client {clients} of the old pool has a client secret: the trigger must send a SECRET_HASH and needs the secret.",
        $"Store the secret in Secrets Manager and set {TriggerSettingNames.OldClientSecretArn} (pass it here as --old-client-secret-arn), or use a client without a secret.");

    private static string Name(Trigger.Aws.Cognito.UserPoolClientType client) =>
        client.ClientName is { Length: > 0 } name ? $"{client.ClientId} ({name})" : client.ClientId ?? "?";

    private static string Names(IEnumerable<Trigger.Aws.Cognito.UserPoolClientType> clients) => string.Join(", ", clients.Select(Name));
}
