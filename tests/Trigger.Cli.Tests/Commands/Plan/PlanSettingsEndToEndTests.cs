using System.Text.Json.Nodes;
using Trigger.Cli.Tests.Support;
using Trigger.Contract;
using Trigger.Testing;
using Trigger.Testing.Lambda;

namespace Trigger.Cli.Tests.Commands.Plan;

/// <summary>
/// What <c>plan</c> prints is what the function runs with: the old pool signs in by username and email, the
/// new pool adds preferred_username, and the real published bootstrap gets exactly plan's settings (plus the
/// local credentials and region every emulated world needs), which leave the aliases to the new pool itself.
/// </summary>
[Slow]
public sealed class PlanSettingsEndToEndTests
{
    private const string Password = "Old-pool-Pa55!";

    [Fact]
    public async Task PlanSettings_NewPoolAddsPreferredUsername_MigratesASignInTypedAsIt()
    {
        IReadOnlyList<(string Name, string Value)> planned = [];
        await using var pools = await LocalMigrationPools.StartAsync(
            new LocalMigrationPoolsOptions
            {
                OldPool = new PoolSpec("old-pool") { AliasAttributes = ["email"] },
                NewPool = new PoolSpec("new-pool") { AliasAttributes = ["email", "preferred_username"] },
                SettingsFromPools = async world =>
                {
                    planned = await PlanSettingsAsync(world);
                    return planned.ToDictionary(s => s.Name, s => s.Value);
                },
            },
            (admin, poolId) => admin.CreateUserAsync(poolId, new UserSpec("linus", Password) { Email = "linus@example.com", PreferredUsername = "penguin" }));

        var answer = await pools.SignInAsync("penguin", Password);

        // plan leaves the aliases out: the function reads the new pool's own (DescribeUserPool) and still finds him.
        Assert.DoesNotContain(planned, s => s.Name == TriggerSettingNames.AliasAttributes);
        Assert.NotNull(answer["AuthenticationResult"]?["AccessToken"]);
        var user = await pools.NewUserOrNullAsync("linus");
        Assert.NotNull(user);
        Assert.Equal("penguin", user["preferred_username"]);
    }

    private static async Task<IReadOnlyList<(string Name, string Value)>> PlanSettingsAsync(LocalMigrationPools world)
    {
        var result = await CliRunner.RunAsync(
            "plan",
            "--old-pool-id", world.OldPoolId,
            "--new-pool-id", world.NewPoolId,
            "--old-endpoint-url", world.OldEndpoint.ToString(),
            "--new-endpoint-url", world.NewEndpoint.ToString(),
            "--old-client-id", world.OldClient.ClientId,
            "--output", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var report = JsonNode.Parse(result.Out)!;
        return [.. report["functionEnvironment"]!.AsArray().Select(s => (s!["name"]!.GetValue<string>(), s["value"]!.GetValue<string>()))];
    }
}
