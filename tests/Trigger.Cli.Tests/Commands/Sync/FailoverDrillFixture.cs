using System.Text.Json.Nodes;
using Trigger.Aws.Cognito;
using Trigger.Cli.Commands.Sync;
using Trigger.Cli.Tests.Commands.Sweep.Support;
using Trigger.Testing;
using Trigger.Testing.Decorators;
using Trigger.Testing.Lambda;

namespace Trigger.Cli.Tests.Commands.Sync;

/// <summary>
/// The disaster-recovery drill of docs/INFRA.md on two cognito-local instances standing for two regions: the
/// primary (no triggers) and the standby, whose UserMigration trigger and PreSignUp guard are the real published
/// bootstrap behind the Runtime API bridge. Before the outage one user signs in on the standby (the trigger carries
/// their password), three passes of <c>sync</c> run against a primary changed between them; then the primary is
/// stopped and the runbook's failover steps are played: sign-up refused until the guard is switched to fail open,
/// then possible; the carried user signs in with their password; a synced user resets through their verified email.
/// </summary>
public sealed class FailoverDrillFixture : IAsyncLifetime, ISlowFixture
{
    public const string Password = "Primary-Pa55!";
    public const string NewPassword = "Standby-Reset-Pa55!";

    private LocalMigrationPools? _pools;
    private DirectoryInfo? _scratch;

    private LocalMigrationPools Pools => _pools ?? throw new InvalidOperationException("The drill has not started.");

    internal RunResult FirstSync { get; private set; } = null!;

    internal RunResult SecondSync { get; private set; } = null!;

    internal RunResult ThirdSync { get; private set; } = null!;

    /// <summary>Standby users after the second pass, by username.</summary>
    public Dictionary<string, UserView?> AfterSecondSync { get; } = new(StringComparer.Ordinal);

    /// <summary>The standby groups of each standby user after the second pass, by username.</summary>
    public Dictionary<string, IReadOnlyList<string>> GroupsAfterSecondSync { get; } = new(StringComparer.Ordinal);

    /// <summary>Standby users after the third pass (with --delete-missing), by username.</summary>
    public Dictionary<string, UserView?> AfterThirdSync { get; } = new(StringComparer.Ordinal);

    /// <summary>What the app's password carry-over logged (error types only).</summary>
    public List<string> CarryOverLog { get; } = [];

    /// <summary>AdminSetUserPassword calls the three passes made, by username.</summary>
    public List<string> PasswordCalls { get; } = [];

    /// <summary>The carried user's sign-in on the standby after the passes, the primary still up.</summary>
    public JsonObject CarriedSignInBeforeOutage { get; private set; } = null!;

    /// <summary>The error a sign-up met with the primary down and the guard failing closed.</summary>
    public CognitoApiException? SignUpBeforeSwitch { get; private set; }

    public bool NewcomerExistedBeforeSwitch { get; private set; }

    public JsonObject SignUpAfterSwitch { get; private set; } = null!;

    public JsonObject CarriedSignInAfterOutage { get; private set; } = null!;

    public CognitoApiException? SyncedSignInWithOldPassword { get; private set; }

    public JsonObject ResetCodeDelivery { get; private set; } = null!;

    public JsonObject SyncedSignInAfterReset { get; private set; } = null!;

    public string AllOutput { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _scratch = Directory.CreateTempSubdirectory("cli2-drill-");
        _pools = await LocalMigrationPools.StartAsync(
            new LocalMigrationPoolsOptions { AttachPreSignUpGuard = true },
            async (admin, poolId) =>
            {
                foreach (var name in new[] { "carried", "synced", "changer", "disabler", "leaver" })
                {
                    await admin.CreateUserAsync(poolId, new UserSpec(name, Password) { Email = $"{name}@example.com", Attributes = new Dictionary<string, string> { ["given_name"] = name } });
                }

                // The applications authorise on cognito:groups: an admin must still be one after a failover.
                await admin.CreateGroupAsync(poolId, "admins", "Administrators", 1);
                await admin.CreateGroupAsync(poolId, "staff");
                await admin.AddUserToGroupAsync(poolId, "carried", "admins");
                await admin.AddUserToGroupAsync(poolId, "changer", "admins");
                await admin.AddUserToGroupAsync(poolId, "changer", "staff");
            });

        // While the primary is up: the user signs in on the primary, and the app carries the password to the standby
        // in the background (samples/Trigger.Demo/App/StandbyCarryOver.cs), where the trigger migrates them with it.
        var primarySignIn = await Pools.OldPool.SendAsync("InitiateAuth", new JsonObject
        {
            ["AuthFlow"] = "USER_PASSWORD_AUTH",
            ["ClientId"] = Pools.OldClient.ClientId,
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = "carried", ["PASSWORD"] = Password },
        });
        if (primarySignIn["AuthenticationResult"] is not null)
        {
            var carryOver = new Demo.App.StandbyCarryOver((username, password, token) => Pools.SignInAsync(username, password), CarryOverLog.Add, TimeSpan.FromSeconds(60));
            await carryOver.Carry("carried", Password);
        }

        if (await Pools.NewUserOrNullAsync("carried") is null)
        {
            throw new InvalidOperationException($"the carry-over did not migrate 'carried' ({string.Join("; ", CarryOverLog)}); the drill's world is broken.");
        }

        var primary = FakePools.CreateClient(Pools.OldEndpoint);
        var standby = new PasswordCallRecorder(FakePools.CreateClient(Pools.NewEndpoint), PasswordCalls);
        var options = new SyncOptions
        {
            PrimaryUserPoolId = Pools.OldPoolId,
            StandbyUserPoolId = Pools.NewPoolId,
            WorkDirectory = Path.Combine(_scratch.FullName, "sync"),
            PagesPerSecond = 30,
            StandbyPagesPerSecond = 30,
            ReadsPerSecond = 200,
            CreatesPerSecond = 200,
            UpdatesPerSecond = 25,
            Format = Options.OutputFormat.Json,
        };
        FirstSync = await SyncRuns.RunAsync(options, primary, standby);

        await SetPrimaryAsync("AdminUpdateUserAttributes", "carried", new JsonArray(new JsonObject { ["Name"] = "given_name", ["Value"] = "Carried Changed" }));
        await SetPrimaryAsync("AdminUpdateUserAttributes", "changer", new JsonArray(new JsonObject { ["Name"] = "given_name", ["Value"] = "Changed" }));
        await SetPrimaryAsync("AdminDisableUser", "disabler");
        await SetPrimaryAsync("AdminDeleteUser", "leaver");
        await Pools.OldPool.CreateUserAsync(Pools.OldPoolId, new UserSpec("late", Password) { Email = "late@example.com" });
        await Pools.OldPool.RemoveUserFromGroupAsync(Pools.OldPoolId, "changer", "staff");
        await Pools.OldPool.AddUserToGroupAsync(Pools.OldPoolId, "late", "staff");
        SecondSync = await SyncRuns.RunAsync(options, primary, standby);
        foreach (var name in new[] { "carried", "synced", "changer", "disabler", "leaver", "late" })
        {
            AfterSecondSync[name] = await Pools.NewUserOrNullAsync(name);
            if (AfterSecondSync[name] is not null)
            {
                GroupsAfterSecondSync[name] = await Pools.NewPool.GroupsOfAsync(Pools.NewPoolId, name);
            }
        }

        CarriedSignInBeforeOutage = await Pools.SignInAsync("carried", Password);
        ThirdSync = await SyncRuns.RunAsync(options with { DeleteMissing = true, AssumeYes = true }, primary, standby);
        foreach (var name in new[] { "carried", "leaver" })
        {
            AfterThirdSync[name] = await Pools.NewUserOrNullAsync(name);
        }

        // The region outage.
        await Pools.StopOldPoolAsync();

        // Failover, step "guard": with the primary unreachable the guard fails closed and refuses every sign-up.
        try
        {
            await SignUpAsync("newcomer");
        }
        catch (CognitoApiException e)
        {
            SignUpBeforeSwitch = e;
        }

        NewcomerExistedBeforeSwitch = await Pools.NewUserOrNullAsync("newcomer") is not null;
        Pools.UpdateFunctionSetting("MIGRATION_PRESIGNUP_FAIL_OPEN", "true");
        SignUpAfterSwitch = await SignUpAsync("newcomer");

        CarriedSignInAfterOutage = await Pools.SignInAsync("carried", Password);
        try
        {
            await Pools.SignInAsync("synced", Password);
        }
        catch (CognitoApiException e)
        {
            SyncedSignInWithOldPassword = e;
        }

        // Users without a carried password reset through their verified contact (forgot-password).
        ResetCodeDelivery = await Pools.NewPool.SendAsync("ForgotPassword", new JsonObject { ["ClientId"] = Pools.NewClient.ClientId, ["Username"] = "synced" });
        await Pools.NewPool.SendAsync("ConfirmForgotPassword", new JsonObject
        {
            ["ClientId"] = Pools.NewClient.ClientId,
            ["Username"] = "synced",
            ["ConfirmationCode"] = await SentCodeAsync("synced"),
            ["Password"] = NewPassword,
        });
        SyncedSignInAfterReset = await Pools.SignInAsync("synced", NewPassword);
        AllOutput = Pools.AllOutput + FirstSync + SecondSync + ThirdSync + string.Join("\n", CarryOverLog);
    }

    public async Task DisposeAsync()
    {
        if (_pools is not null)
        {
            await _pools.DisposeAsync();
        }

        _scratch?.Delete(recursive: true);
    }

    private Task SetPrimaryAsync(string operation, string username, JsonArray? attributes = null)
    {
        var request = new JsonObject { ["UserPoolId"] = Pools.OldPoolId, ["Username"] = username };
        if (attributes is not null)
        {
            request["UserAttributes"] = attributes;
        }

        return Pools.OldPool.SendAsync(operation, request);
    }

    private Task<JsonObject> SignUpAsync(string username) => Pools.NewPool.SendAsync("SignUp", new JsonObject
    {
        ["ClientId"] = Pools.NewClient.ClientId,
        ["Username"] = username,
        ["Password"] = Password,
        ["UserAttributes"] = new JsonArray(new JsonObject { ["Name"] = "email", ["Value"] = $"{username}@example.com" }),
    });

    // cognito-local "sends" the code by printing it (the fixture redacts that) and keeps it in the user's record.
    private async Task<string> SentCodeAsync(string username)
    {
        var database = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Pools.NewPoolDataDirectory, Pools.NewPoolId + ".json")))!;
        return database["Users"]?[username]?["ConfirmationCode"]?.GetValue<string>()
            ?? throw new InvalidOperationException("cognito-local kept no reset code for the user.");
    }

    /// <summary>Records the username of every AdminSetUserPassword (never the password).</summary>
    private sealed class PasswordCallRecorder(ICognitoIdentityProvider inner, List<string> calls) : ForwardingCognito(inner)
    {
        public override Task<AdminSetUserPasswordResponse> AdminSetUserPasswordAsync(AdminSetUserPasswordRequest request, CancellationToken cancellationToken = default)
        {
            lock (calls)
            {
                calls.Add(request.Username);
            }

            return base.AdminSetUserPasswordAsync(request, cancellationToken);
        }
    }
}
