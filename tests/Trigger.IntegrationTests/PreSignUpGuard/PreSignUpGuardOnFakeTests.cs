using Trigger.Contract;
using Trigger.IntegrationTests.Support;
using Trigger.Migration.Decisions;
using Trigger.Testing;
using Trigger.Testing.Lambda;
using static Trigger.IntegrationTests.Support.FakeOldPoolFixture;

namespace Trigger.IntegrationTests.PreSignUpGuard;

/// <summary>
/// The published bootstrap's name look-ups against the fake, for what cognito-local never does: ListUsers
/// pages shorter than asked (even empty, with a token) and a 400 on a claimed name.
/// </summary>
[Slow]
[Collection(FakeOldPoolCollection.Name)]
public sealed class PreSignUpGuardOnFakeTests : IDisposable
{
    private readonly FakeOldPoolFixture _world;

    public PreSignUpGuardOnFakeTests(FakeOldPoolFixture world)
    {
        _world = world;
        _world.Reset();
    }

    public void Dispose()
    {
        _world.Fake.ListUsersPageSize = null;
        _world.Reset();
    }

    [Fact]
    public async Task SignIn_EmailAliasWhoseFirstListUsersPageIsEmpty_Migrated()
    {
        await _world.AddOldUserAsync("pager");
        _world.Fake.ListUsersPageSize = page => page.IsFirstPage ? 0 : page.Limit;

        var result = await _world.Bridge.InvokeAsync(TriggerEvents.SignIn(_world.NewPoolId, "pager@example.com", Password));

        Assert.Contains("\"finalUserStatus\":\"CONFIRMED\"", result.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreSignUp_EmailOwnerBehindAnEmptyFirstPage_Refused()
    {
        await _world.AddOldUserAsync("pager2");
        _world.Fake.ListUsersPageSize = page => page.IsFirstPage ? 0 : page.Limit;

        var result = await _world.Bridge.InvokeAsync(TriggerEvents.SignUp(_world.NewPoolId, "squatter2", "pager2@example.com"));

        Assert.Equal("SignUpRefused", result.ErrorType);
    }

    // The attack: fail-open on, a 300-character email (ListUsers answers 400 InvalidParameterException for a
    // filter over its limit) and the victim's username as preferred_username. The 400 must not read as
    // "old pool unavailable", and the victim's name must still be looked up.
    [Fact]
    public async Task PreSignUp_FailOpenOverlongEmailAndVictimsUsername_Refused()
    {
        await _world.AddOldUserAsync("victim");
        var environment = new Dictionary<string, string>(_world.Environment) { [TriggerSettingNames.PreSignUpFailOpen] = "true" };
        await using var failOpen = await LambdaRuntimeBridge.StartAsync(new LambdaRuntimeBridgeOptions
        {
            Runtime = await FunctionArtifact.GetPublishedAsync(),
            LogFormat = "JSON",
            Environment = environment,
        });
        var email = new string('a', 290) + "@example.com";
        _world.Fake.Faults.RespondNext(
            "ListUsers", 100, "InvalidParameterException", "Filter is too long",
            when: request => request["Filter"]?.GetValue<string>().Contains(email, StringComparison.Ordinal) == true);

        var result = await failOpen.InvokeAsync(TriggerEvents.SignUp(
            _world.NewPoolId, "m1", new Dictionary<string, string> { ["email"] = email, ["preferred_username"] = "victim" }));

        Assert.Equal("SignUpRefused", result.ErrorType);
    }

    [Fact]
    public async Task PreSignUp_AdminCreateOfOldUsernameWithTheSweepsProof_Allowed()
    {
        await _world.AddOldUserAsync("straggler");
        var proof = SweepProof.Create(SweepKey, _world.NewPoolId, "straggler", DateTimeOffset.UtcNow);

        var result = await _world.Bridge.InvokeAsync(TriggerEvents.AdminCreateUser(_world.NewPoolId, "straggler", proof));

        Assert.Equal(LambdaInvocationStatus.Succeeded, result.Status);
        Assert.True(await BridgeOutput.AllInvocationsLoggedAsync(_world.Bridge));
        Assert.DoesNotContain(proof, _world.Bridge.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(SweepKey, _world.Bridge.Output, StringComparison.Ordinal);
    }

    // The attack: an application backend allowed to call AdminCreateUser creates an unmigrated old username.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PreSignUp_AdminCreateOfOldUsernameWithoutAValidProof_Refused(bool forgedProof)
    {
        await _world.AddOldUserAsync(forgedProof ? "backend-victim2" : "backend-victim1");
        var name = forgedProof ? "backend-victim2" : "backend-victim1";
        var proof = forgedProof ? SweepProof.Create("a-guessed-key-0123456789abcdefghijkl", _world.NewPoolId, name, DateTimeOffset.UtcNow) : null;

        var result = await _world.Bridge.InvokeAsync(TriggerEvents.AdminCreateUser(_world.NewPoolId, name, proof));

        Assert.Equal("SignUpRefused", result.ErrorType);
        Assert.True(await BridgeOutput.AppearsAsync(_world.Bridge, "\"reason\":\"RefusedAdminCreateWithoutSweepProof\""));
    }
}
