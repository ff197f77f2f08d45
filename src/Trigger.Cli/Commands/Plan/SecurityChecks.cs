using Trigger.Aws.Cognito;
using Trigger.Aws.PoolAdapters;
using Trigger.Contract;
using Trigger.Migration.Decisions;

namespace Trigger.Cli.Commands.Plan;

/// <summary>
/// MFA, passwords and the old pool's threat protection. TOTP secrets cannot be read from the old pool, so TOTP users start over;
/// Cognito does not apply the new pool's password policy to a migrated password, so the trigger
/// checks it (read from the new pool) and sends weak ones to RESET_REQUIRED.
/// </summary>
internal static class SecurityChecks
{
    public static IEnumerable<Finding> Run(PlanInput input)
    {
        var oldMfa = input.OldPool.MfaConfiguration ?? "OFF";
        var newMfa = input.NewPool.MfaConfiguration ?? "OFF";

        if (oldMfa != "OFF")
        {
            yield return new Finding(
                "mfa-totp",
                Severity.Warning,
                "mfa",
                $"The old pool has MFA {oldMfa}: authenticator-app (TOTP) secrets cannot be migrated, so those users must register their app again; SMS MFA carries over for users with a verified phone number.",
                "Tell TOTP users before the window opens, and allow TOTP in the new pool (SetUserPoolMfaConfig) so they can register again.");
        }

        if (oldMfa != "OFF" && newMfa == "OFF")
        {
            yield return new Finding(
                "mfa-dropped",
                Severity.Warning,
                "mfa",
                $"The old pool has MFA {oldMfa} but the new pool has MFA OFF: migrated users lose their second factor.",
                "Turn MFA on (OPTIONAL or ON) in the new pool with SetUserPoolMfaConfig before the window opens.");
        }

        if (newMfa == "ON" && oldMfa != "ON")
        {
            yield return new Finding(
                "mfa-required",
                Severity.Warning,
                "mfa",
                $"The new pool requires MFA but the old pool has MFA {oldMfa}: every migrated user without a second factor must set one up at the first sign-in.",
                "Tell users, or make MFA OPTIONAL in the new pool for the migration window.");
        }

        if (input.Sample is { } sample && oldMfa != "OFF")
        {
            var uncarried = sample.Users.Count(u => HasUncarriedMfa(sample, u));
            if (uncarried > 0)
            {
                var source = sample.SeesEveryMfaMethod ? "snapshot's" : "sampled";
                var blindSpot = sample.SeesEveryMfaMethod
                    ? string.Empty
                    : " Users with an authenticator app (TOTP) or email codes are treated the same, but ListUsers does not show them; plan --snapshot with an export --mfa-details counts them.";
                yield return new Finding(
                    "mfa-not-carried",
                    Severity.Warning,
                    "mfa",
                    $"{uncarried} of the {sample.Count} {source} old users have a second factor the new pool cannot carry (an authenticator app, email codes, or SMS without a verified phone number): the trigger migrates them RESET_REQUIRED ({TriggerSettingNames.UncarriedMfaAction}=reset), or refuses them without a verified contact.{blindSpot}",
                    "Tell these users they will reset their password at the first sign-in and enrol their second factor again, or have SMS users verify their phone number in the old pool first.");
            }
        }

        if (string.Equals(input.OldPool.UserPoolAddOns?.AdvancedSecurityMode, "ENFORCED", StringComparison.Ordinal))
        {
            yield return new Finding(
                "old-threat-protection",
                Severity.Warning,
                "sign-in",
                "The old pool's threat protection (advanced security) is ENFORCED: the trigger's server-side sign-ins all come from the function's addresses and may be judged risky and blocked, which users see as a wrong password.",
                "Set the old pool's threat protection to AUDIT for the migration window, or exempt the migration app client.");
        }

        var oldPolicy = PolicyOf(input.OldPool);
        var newPolicy = PolicyOf(input.NewPool);
        var stricter = StricterRules(newPolicy, oldPolicy);
        if (stricter.Count > 0)
        {
            yield return new Finding(
                "password-policy",
                Severity.Warning,
                "passwords",
                $"The new pool's password policy also asks for {string.Join(", ", stricter)}. Cognito does not check migrated passwords against it: the trigger does, and passwords that fail it land in RESET_REQUIRED ({TriggerSettingNames.WeakPasswordAction}=reset), so those users must reset.",
                // Not "set MIGRATION_NEW_PASSWORD_POLICY": the function reads the new pool's policy itself, and the
                // override would freeze it.
                $"Nothing to set on the function: it checks the new pool's own policy ({newPolicy.ToSetting()}). Tell those users they will reset at the first sign-in, or relax the new pool's policy to the old one's.");
        }
    }

    /// <summary>
    /// The password policy of <paramref name="pool"/>, Cognito's default (8 characters and all four classes, API
    /// reference, PasswordPolicyType) when it reports none.
    /// </summary>
    internal static PasswordPolicy PolicyOf(UserPoolType pool) => PoolPasswordPolicy.Of(pool) ?? PasswordPolicy.CognitoDefault;

    // The rules of the newer policy that the older one does not ask for, in words.
    private static List<string> StricterRules(PasswordPolicy newer, PasswordPolicy older)
    {
        var rules = new List<string>();
        if (newer.MinimumLength > older.MinimumLength)
        {
            rules.Add($"at least {newer.MinimumLength} characters (old pool: {older.MinimumLength})");
        }

        if (newer.RequireLowercase && !older.RequireLowercase)
        {
            rules.Add("a lowercase letter");
        }

        if (newer.RequireUppercase && !older.RequireUppercase)
        {
            rules.Add("an uppercase letter");
        }

        if (newer.RequireNumbers && !older.RequireNumbers)
        {
            rules.Add("a number");
        }

        if (newer.RequireSymbols && !older.RequireSymbols)
        {
            rules.Add("a symbol");
        }

        return rules;
    }

    // The trigger's own rule (MigrationRules.LosesMfa), on what the sample shows of the user's methods.
    private static bool HasUncarriedMfa(UserSample sample, UserType user)
    {
        if (user.Username is null)
        {
            return false;
        }

        var old = CognitoUsers.ToOldUser(user);
        if (sample.MfaMethods?.GetValueOrDefault(user.Username) is { } methods)
        {
            old = old with { MfaMethods = methods };
        }

        return MigrationRules.LosesMfa(old, check: null);
    }
}
