using System.Text.Json.Nodes;
using Trigger.Aws.Cognito;
using Trigger.Cli.Options;
using Trigger.Cli.Commands.Sweep;
using Trigger.Cli.Tests.Commands.Sweep.Support;
using Trigger.Contract;
using Trigger.Testing;
using Trigger.Testing.Decorators;
using Trigger.Testing.Lambda;

namespace Trigger.Cli.Tests.Commands.Sweep;

/// <summary>
/// The sweep on live emulators: the old pool on one cognito-local (no triggers), the new pool on another
/// whose UserMigration trigger is the real published bootstrap behind the Runtime API bridge. 310 old users
/// of varied states; 10 of them sign in first and are migrated by the trigger; a stranger has taken one old
/// user's name (<see cref="Squatted"/>) in the new pool; the answer to one creation (<see cref="AnswerLost"/>)
/// is lost and the retry meets UsernameExists; then one sweep runs.
/// </summary>
public sealed class CognitoLocalSweepFixture : IAsyncLifetime, ISlowFixture
{
    public const string Password = "Old-pool-Pa55!";
    public const int Regular = 270;
    public const int MigratedByTrigger = 10;

    /// <summary>An old user whose name a stranger (another email) took in the new pool before the sweep.</summary>
    public const string Squatted = "s000";

    /// <summary>A regular user whose AdminCreateUser is sent twice, as a retry after a lost answer would be.</summary>
    public const string AnswerLost = "u260";

    private LocalMigrationPools? _pools;
    private DirectoryInfo? _scratch;

    private LocalMigrationPools Pools => _pools ?? throw new InvalidOperationException("The world has not started.");

    public CognitoAdmin NewPool => Pools.NewPool;

    public string NewPoolId => Pools.NewPoolId;

    public AppClientKeys NewClient => Pools.NewClient;

    /// <summary>Every old user as the old pool reports it, by username.</summary>
    public Dictionary<string, UserView> OldUsers { get; } = new(StringComparer.Ordinal);

    internal RunResult Sweep { get; private set; } = null!;

    public string WorkDirectory => Path.Combine(_scratch!.FullName, "work");

    public async Task InitializeAsync()
    {
        _scratch = Directory.CreateTempSubdirectory("cli2-local-");
        _pools = await LocalMigrationPools.StartAsync(
            new LocalMigrationPoolsOptions
            {
                OldPool = new PoolSpec("old-pool") { Schema = [new SchemaAttributeSpec("tenant"), new SchemaAttributeSpec("tier")] },
                NewPool = new PoolSpec("new-pool") { Schema = [new SchemaAttributeSpec("tenant")] },
                FunctionSettings = new Dictionary<string, string> { [TriggerSettingNames.NewCustomAttributes] = "custom:tenant" },
            },
            SeedAsync);

        for (var i = 0; i < MigratedByTrigger; i++)
        {
            var signedIn = await SignInAsync($"u{i:000}", Password);
            if (signedIn["AuthenticationResult"] is null)
            {
                throw new InvalidOperationException($"u{i:000} was not migrated by the trigger; the test world is broken.");
            }
        }

        await Pools.NewPool.CreateUserAsync(NewPoolId, new UserSpec(Squatted, "Squatter-Pa55!") { Email = "squatter@evil.example" });
        var client = FakePools.CreateClient(Pools.OldEndpoint);
        var newClient = new RetriedCreation(FakePools.CreateClient(Pools.NewEndpoint), AnswerLost);
        using var output = new StringWriter();
        using var messages = new StringWriter();
        var code = await SweepRunner.RunAsync(
            new SweepOptions
            {
                OldUserPoolId = Pools.OldPoolId,
                NewUserPoolId = NewPoolId,
                AssumeYes = true,
                WorkDirectory = WorkDirectory,
                CreatesPerSecond = 200,
                PasswordCallsPerSecond = 200,
                ReadsPerSecond = 400,
                Concurrency = 4,
                Format = OutputFormat.Json,
                ProgressInterval = TimeSpan.FromHours(1),
            },
            client,
            newClient,
            output,
            messages,
            new StringReader(string.Empty),
            TimeProvider.System);
        Sweep = new RunResult(code, output.ToString(), messages.ToString());
    }

    public Task<JsonObject> SignInAsync(string userName, string password) => Pools.SignInAsync(userName, password);

    public Task<UserView?> NewUserOrNullAsync(string username) => Pools.NewUserOrNullAsync(username);

    public async Task DisposeAsync()
    {
        if (_pools is not null)
        {
            await _pools.DisposeAsync();
        }

        _scratch?.Delete(recursive: true);
    }

    private async Task SeedAsync(CognitoAdmin oldPool, string oldPoolId)
    {
        async Task Add(string name, Func<UserSpec, UserSpec>? adjust = null)
        {
            var spec = new UserSpec(name, Password)
            {
                Email = $"{name}@example.com",
                Attributes = new Dictionary<string, string> { ["given_name"] = $"Given {name}", ["custom:tenant"] = $"tenant-{name[0]}" },
            };
            OldUsers[name] = await oldPool.CreateUserAsync(oldPoolId, adjust is null ? spec : adjust(spec));
        }

        for (var i = 0; i < Regular; i++)
        {
            await Add($"u{i:000}");
        }

        for (var i = 0; i < 10; i++)
        {
            await Add($"f{i:000}", s => s with { Status = SeededUserStatus.ForceChangePassword });
            await Add($"d{i:000}", s => s with { Enabled = false });
            await Add($"n{i:000}", s => s with { EmailVerified = false });
        }

        await Add(Squatted);
        for (var i = 0; i < 5; i++)
        {
            await Add($"t{i:000}", s => s with { Attributes = new Dictionary<string, string> { ["custom:tier"] = "gold" } });
            await Add($"p{i:000}", s => s with { Email = null, PhoneNumber = $"+1555555{i:0000}" });
        }
    }

    /// <summary>Sends one user's AdminCreateUser twice and answers with the second: the first reached the pool, its answer was lost.</summary>
    private sealed class RetriedCreation(ICognitoIdentityProvider inner, string username) : ForwardingCognito(inner)
    {
        public override async Task<AdminCreateUserResponse> AdminCreateUserAsync(AdminCreateUserRequest request, CancellationToken cancellationToken = default)
        {
            if (request.Username != username)
            {
                return await base.AdminCreateUserAsync(request, cancellationToken);
            }

            await base.AdminCreateUserAsync(request, cancellationToken);
            return await base.AdminCreateUserAsync(request, cancellationToken);
        }
    }
}
