using Trigger.Aws.Cognito;
using Trigger.Cli.Commands.Sweep;
using Trigger.Cli.Tests.Commands.Sweep.Support;
using Trigger.Testing.Decorators;
using Trigger.Cli.Pacing;

namespace Trigger.Cli.Tests.Commands.Sweep;

/// <summary>The snapshot re-read accepts only the user the snapshot names, letter for letter.</summary>
public sealed class OldPoolRereadTests
{
    [Fact]
    public async Task ReadAsync_OldPoolAnswersWithAUserNamedInAnotherLetterCase_TreatedAsGone()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedOldAsync("alice");
        using var pace = new RequestPace(1000, TimeProvider.System);
        var reread = new OldPoolReread(new OtherCaseAnswer(pools.Client), pools.OldPoolId, pace);

        Assert.Null(await reread.ReadAsync("alice", CancellationToken.None));
        Assert.Equal("alice", (await new OldPoolReread(pools.Client, pools.OldPoolId, pace).ReadAsync("alice", CancellationToken.None))!.Username);
    }

    /// <summary>A case-sensitive old pool where the name resolves (as an alias) to another user, "Alice".</summary>
    private sealed class OtherCaseAnswer(ICognitoIdentityProvider inner) : ForwardingCognito(inner)
    {
        public override async Task<AdminGetUserResponse> AdminGetUserAsync(AdminGetUserRequest request, CancellationToken cancellationToken = default)
        {
            var user = await base.AdminGetUserAsync(request, cancellationToken);
            return user with { Username = "Alice" };
        }
    }
}
