using System.Text.Json.Nodes;
using Trigger.Cli.Options;
using Trigger.Cli.Tests.Commands.Sweep.Support;
using Trigger.Migration.Attributes;
using Trigger.Migration.Decisions;
using Trigger.Testing;

namespace Trigger.Cli.Tests.Commands.Sweep;

/// <summary>The admin sweep against the scriptable fake: user by user, with short pages and throttling.</summary>
public sealed class AdminSweepTests
{
    [Fact]
    public async Task RunAsync_VariedOldUsersAndShortPages_EachSettledAsItsStateRequires()
    {
        await using var pools = await FakePools.StartAsync();
        var seeded = await SeedVariedAsync(pools);
        var pages = 0;
        pools.Fake.ListUsersPageSize = _ => Interlocked.Increment(ref pages) % 3 == 0 ? 0 : 7;
        pools.Fake.ClearCalls();

        var run = await pools.SweepAsync(pools.Options(o => o with { Attributes = new AttributeMappingOptions { LegacySubAttribute = "custom:legacy_sub" } }));

        Assert.True(run.ExitCode == 1, run.Messages + run.Output); // one unmappable user is a finding
        var report = JsonNode.Parse(run.Output)!;
        Assert.True(report["complete"]!.GetValue<bool>(), run.Output);
        Assert.Equal(44, report["counts"]!["created"]!.GetValue<long>());
        Assert.Equal(1, report["counts"]!["already-in-new-pool"]!.GetValue<long>());
        Assert.Equal(3, report["counts"]!["skipped"]!.GetValue<long>());
        Assert.Equal(1, report["counts"]!["unmappable"]!.GetValue<long>());
        Assert.Equal(49, report["total"]!.GetValue<long>());

        var ann = await pools.NewUserOrNullAsync("ann");
        Assert.NotNull(ann);
        Assert.Equal("CONFIRMED", ann.UserStatus);
        Assert.Equal("ann@example.com", ann["email"]);
        Assert.Equal("true", ann["email_verified"]);
        Assert.Equal("Ann", ann["given_name"]);
        Assert.Equal("acme", ann["custom:tenant"]);
        Assert.Equal(seeded["ann"]["sub"], ann["custom:legacy_sub"]);
        Assert.NotEqual(seeded["ann"]["sub"], ann["sub"]);
        Assert.Equal("CONFIRMED", (await pools.NewUserOrNullAsync("dan"))!.UserStatus);
        Assert.Equal("CONFIRMED", (await pools.NewUserOrNullAsync("eve"))!.UserStatus);
        Assert.Equal("+15555550100", (await pools.NewUserOrNullAsync("ivy"))!["phone_number"]);
        foreach (var notMoved in new[] { "ben", "cat", "fay", "gus" })
        {
            Assert.Null(await pools.NewUserOrNullAsync(notMoved));
        }

        Assert.Equal("New-pool-user", (await pools.NewUserOrNullAsync("hal"))!["given_name"]);
        Assert.DoesNotContain("hal", pools.SuccessfulCreations().Keys);
    }

    [Fact]
    public async Task RunAsync_SnapshotWithTotpAndSmsUsers_EachReportedUnderItsOwnMfaReason()
    {
        await using var pools = await FakePools.StartAsync();
        var snapshot = Path.Combine(pools.Scratch.FullName, "mfa.jsonl");
        const string Verified = "\"email_verified\":\"true\"";
        await File.WriteAllLinesAsync(snapshot,
        [
            "{\"kind\":\"snapshot\",\"format\":1,\"userPoolId\":\"us-east-1_old\"}",
            $"{{\"kind\":\"user\",\"username\":\"totp\",\"attributes\":{{\"email\":\"t@example.com\",{Verified}}},\"status\":\"CONFIRMED\",\"enabled\":true,\"mfaSettings\":[\"SOFTWARE_TOKEN_MFA\"]}}",
            $"{{\"kind\":\"user\",\"username\":\"sms\",\"attributes\":{{\"email\":\"s@example.com\",{Verified}}},\"status\":\"CONFIRMED\",\"enabled\":true,\"mfaSettings\":[\"SMS_MFA\"]}}",
            "{\"kind\":\"summary\",\"users\":2}",
        ]);

        // The reasons come from the snapshot's own MFA fields (export --mfa-details); these users exist in no old
        // pool, so the re-read is skipped as for a restore (--trust-snapshot).
        var run = await pools.SweepAsync(pools.Options(o => o with { OldUserPoolId = null, SnapshotPath = snapshot, TrustSnapshot = true }));

        Assert.Equal(0, run.ExitCode);
        var reasons = JsonNode.Parse(run.Output)!["reasons"]!.AsArray()
            .ToDictionary(r => $"{r!["outcome"]}/{r["reason"]}", r => r!["examples"]!.AsArray().Select(e => e!.GetValue<string>()).ToList());
        Assert.Equal(["totp"], reasons["created/MfaNotCarried"]);
        Assert.Equal(["sms"], reasons["created/SmsMfaNotCarried"]);
    }

    [Fact]
    public async Task RunAsync_WithSweepKey_EachCreationCarriesAProofTheGuardAcceptsAndNothingPrintsIt()
    {
        const string Key = "sweep-key-for-tests-0123456789abcdef";
        await using var pools = await FakePools.StartAsync();
        await pools.SeedOldAsync("ann", u => u with { Email = "ann@example.com" });
        await pools.SeedOldAsync("bob", u => u with { Email = "bob@example.com" });

        var run = await pools.SweepAsync(pools.Options(o => o with { SweepKey = Key }));

        Assert.Equal(0, run.ExitCode);
        var creations = pools.NewPoolCalls("AdminCreateUser");
        Assert.Equal(2, creations.Count);
        foreach (var call in creations)
        {
            var request = JsonNode.Parse(call.RequestSummary)!;
            var proof = request["ClientMetadata"]![SweepProof.MetadataKey]!.GetValue<string>();
            Assert.True(SweepProof.Verify(Key, pools.NewPoolId, request["Username"]!.GetValue<string>(), proof, DateTimeOffset.UtcNow));
            Assert.DoesNotContain(proof, run.Output + run.Messages, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Key, run.Output + run.Messages, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, File.ReadAllText(Path.Combine(pools.WorkDirectory, "journal.jsonl")), StringComparison.Ordinal);
    }

    // A case-insensitive new pool hands the PreSignUp guard "quinn" for the sweep's "Quinn": the proof is made
    // over the name as that pool compares it, the key the guard checks it over (NameRule.Key of its userName).
    [Fact]
    public async Task RunAsync_CaseInsensitiveNewPool_ProofIsOverTheNameTheGuardIsHanded()
    {
        const string Key = "sweep-key-for-tests-0123456789abcdef";
        await using var pools = await FakePools.StartAsync(newPool: new PoolSpec("new") { UsernameCaseSensitive = false, Schema = [new SchemaAttributeSpec("tenant"), new SchemaAttributeSpec("tier")] });
        await pools.SeedOldAsync("Quinn", u => u with { Email = "quinn@example.com" });

        var run = await pools.SweepAsync(pools.Options(o => o with { SweepKey = Key }));

        Assert.Equal(0, run.ExitCode);
        var request = JsonNode.Parse(Assert.Single(pools.NewPoolCalls("AdminCreateUser")).RequestSummary)!;
        Assert.Equal("Quinn", request["Username"]!.GetValue<string>());
        var proof = request["ClientMetadata"]![SweepProof.MetadataKey]!.GetValue<string>();
        var handedToTheGuard = pools.Fake.NameForTriggers(pools.NewPoolId, "Quinn");
        Assert.True(SweepProof.Verify(Key, pools.NewPoolId, NameRule.CaseInsensitive.Key(handedToTheGuard), proof, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task RunAsync_WithoutSweepKey_NoClientMetadataSent()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedOldAsync("ann", u => u with { Email = "ann@example.com" });

        await pools.SweepAsync(pools.Options());

        Assert.Null(JsonNode.Parse(Assert.Single(pools.NewPoolCalls("AdminCreateUser")).RequestSummary)!["ClientMetadata"]);
    }

    [Fact]
    public async Task RunAsync_SkipsAndFailures_ReportedWithReasonsAndExamples()
    {
        await using var pools = await FakePools.StartAsync();
        await SeedVariedAsync(pools);

        var run = await pools.SweepAsync(pools.Options());

        var reasons = JsonNode.Parse(run.Output)!["reasons"]!.AsArray()
            .ToDictionary(r => $"{r!["outcome"]}/{r["reason"]}", r => r!["examples"]!.AsArray().Select(e => e!.GetValue<string>()).ToList());
        Assert.Equal(["ben"], reasons["skipped/UserDisabled"]);
        Assert.Equal(["cat"], reasons["skipped/NoVerifiedContact"]);
        Assert.Equal(["fay"], reasons["skipped/UserNotConfirmed"]);
        Assert.Equal(["gus"], reasons["unmappable/DroppedAttributes"]);
    }

    [Fact]
    public async Task RunAsync_MigratedByTheTriggerButNoLongerSweepable_CountedAsMigratedAndInTheIdMap()
    {
        await using var pools = await FakePools.StartAsync();
        var old = new[]
        {
            await pools.SeedOldAsync("ada", s => s with { Attributes = new Dictionary<string, string> { ["custom:tier"] = "gold" } }), // the new schema lacks tier
            await pools.SeedOldAsync("bea", s => s with { EmailVerified = false }), // no verified contact: only the legacy sub shows she is bea
            await pools.SeedOldAsync("cyd", s => s with { Enabled = false }), // disabled in the old pool after she migrated
        };
        foreach (var user in old)
        {
            // As the trigger left them: with the old sub in the legacy-sub attribute.
            await pools.SeedNewAsync(user.Username, s => s with { EmailVerified = user["email_verified"] == "true", Attributes = new Dictionary<string, string> { ["custom:legacy_sub"] = user["sub"]! } });
        }

        pools.Fake.ClearCalls();
        var run = await pools.SweepAsync(pools.Options(o => o with { Attributes = new AttributeMappingOptions { LegacySubAttribute = "custom:legacy_sub" } }));

        Assert.True(run.ExitCode == 0, run.Messages + run.Output);
        Assert.Equal(3, JsonNode.Parse(run.Output)!["counts"]!["already-in-new-pool"]!.GetValue<long>());
        var idMap = (await File.ReadAllLinesAsync(Path.Combine(pools.WorkDirectory, "id-map.csv"))).Skip(1).Select(r => r.Split(',')[0]).ToList();
        Assert.Equal(["ada", "bea", "cyd"], idMap.Order(StringComparer.Ordinal));
        Assert.Empty(pools.SuccessfulCreations());
    }

    [Fact]
    public async Task RunAsync_CreatedUsers_SilentAndOutOfForceChangePassword()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(12);

        var run = await pools.SweepAsync(pools.Options());

        Assert.Equal(0, run.ExitCode);
        var creations = pools.NewPoolCalls("AdminCreateUser");
        Assert.Equal(12, creations.Count);
        Assert.All(creations, c =>
        {
            var request = JsonNode.Parse(c.RequestSummary)!;
            Assert.Equal("SUPPRESS", request["MessageAction"]!.GetValue<string>());
            Assert.Null(request["TemporaryPassword"]);
            Assert.DoesNotContain(request["UserAttributes"]!.AsArray(), a => a!["Name"]!.GetValue<string>() is "sub" || a!["Name"]!.GetValue<string>().StartsWith("cognito:", StringComparison.Ordinal));
        });
        Assert.Equal(12, pools.NewPoolCalls("AdminSetUserPassword").Count(c => JsonNode.Parse(c.RequestSummary)!["Permanent"]!.GetValue<bool>()));
        Assert.Empty(pools.NewPoolCalls("AdminResetUserPassword"));
        Assert.All(await pools.NewUsersAsync(), u => Assert.Equal("CONFIRMED", u.UserStatus));
    }

    [Fact]
    public async Task RunAsync_UnknowablePasswords_DifferentStrongAndNeverWrittenAnywhere()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(6);
        var recorder = new PasswordRecorder(pools.Client);

        var run = await pools.SweepAsync(pools.Options(o => o with { Format = OutputFormat.Text }), client: recorder);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(6, recorder.Passwords.Distinct(StringComparer.Ordinal).Count());
        Assert.All(recorder.Passwords, p =>
        {
            Assert.True(p.Length >= 64);
            Assert.Contains(p, char.IsAsciiLetterLower);
            Assert.Contains(p, char.IsAsciiLetterUpper);
            Assert.Contains(p, char.IsAsciiDigit);
            Assert.Contains(p, c => !char.IsAsciiLetterOrDigit(c));
        });
        var everythingWritten = run.Output + run.Messages + string.Concat(Directory.EnumerateFiles(pools.WorkDirectory, "*", SearchOption.AllDirectories).Select(File.ReadAllText))
            + string.Concat(pools.Fake.Calls.Select(c => c.RequestSummary));
        Assert.All(recorder.Passwords, p => Assert.DoesNotContain(p, everythingWritten, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_Notify_UsersEndResetRequiredWithACodeSent()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(5);

        var run = await pools.SweepAsync(pools.Options(o => o with { Notify = true }));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(5, pools.NewPoolCalls("AdminResetUserPassword").Count(c => c.StatusCode == 200));
        Assert.All(await pools.NewUsersAsync(), u => Assert.Equal("RESET_REQUIRED", u.UserStatus));
    }

    [Fact]
    public async Task RunAsync_IdMap_OneRowPerUserInTheNewPoolWithBothSubs()
    {
        await using var pools = await FakePools.StartAsync();
        var seeded = await SeedVariedAsync(pools);

        await pools.SweepAsync(pools.Options());

        var rows = (await File.ReadAllLinesAsync(Path.Combine(pools.WorkDirectory, "id-map.csv"))).ToList();
        Assert.Equal("old_username,old_sub,new_username,new_sub", rows[0]);
        var byName = rows.Skip(1).Select(r => r.Split(',')).ToDictionary(r => r[0]);
        Assert.Equal(45, byName.Count);
        foreach (var (name, columns) in byName)
        {
            var newUser = await pools.NewUserOrNullAsync(name);
            Assert.Equal(newUser!["sub"], columns[3]);
            Assert.Equal(name, columns[2]);
            if (seeded.TryGetValue(name, out var old))
            {
                Assert.Equal(old["sub"], columns[1]);
            }
        }

        Assert.Contains("hal", byName.Keys);
    }

    [Fact]
    public async Task RunAsync_ThrottlingBursts_AbsorbedAndEveryoneCreatedOnce()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(30);
        pools.Fake.Faults.ThrottleNext("AdminCreateUser", 6);
        pools.Fake.Faults.ThrottleNext("AdminGetUser", 4);
        pools.Fake.Faults.ThrottleNext("ListUsers", 2);
        pools.Fake.Faults.ThrottleNext("AdminSetUserPassword", 3);

        var run = await pools.SweepAsync(pools.Options());

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(pools.Fake.Calls, c => c.ErrorType == "TooManyRequestsException");
        var creations = pools.SuccessfulCreations();
        Assert.Equal(30, creations.Count);
        Assert.All(creations.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task RunAsync_AliasTakenInTheNewPool_FailedWithTheReasonOthersCreated()
    {
        await using var pools = await FakePools.StartAsync(newPool: new PoolSpec("new") { AliasAttributes = ["email"], Schema = [new SchemaAttributeSpec("tenant")] });
        await pools.SeedOldAsync("jo");
        await pools.SeedOldAsync("kim");
        await pools.SeedNewAsync("squatter", s => s with { Email = "jo@example.com" });

        var run = await pools.SweepAsync(pools.Options());

        Assert.Equal(1, run.ExitCode);
        var report = JsonNode.Parse(run.Output)!;
        Assert.Equal(1, report["counts"]!["failed"]!.GetValue<long>());
        Assert.Equal("AliasExistsException", report["reasons"]![0]!["reason"]!.GetValue<string>());
        Assert.NotNull(await pools.NewUserOrNullAsync("kim"));
        Assert.Null(await pools.NewUserOrNullAsync("jo"));
    }

    [Fact]
    public async Task RunAsync_SecondRunAfterCompletion_CreatesNothingAndReprintsTheReport()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(4);
        await pools.SweepAsync(pools.Options());
        pools.Fake.ClearCalls();

        var again = await pools.SweepAsync(pools.Options());

        Assert.Equal(0, again.ExitCode);
        Assert.Empty(pools.NewPoolCalls("AdminCreateUser"));
        Assert.Contains("already finished", again.Messages, StringComparison.Ordinal);
        Assert.Equal(4, JsonNode.Parse(again.Output)!["counts"]!["created"]!.GetValue<long>());
    }

    [Fact]
    public async Task RunAsync_NotConfirmed_NothingWrittenExitTwo()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(2);

        var run = await pools.SweepAsync(pools.Options(o => o with { AssumeYes = false }), input: "n\n");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("migration trigger never runs for them again", run.Messages, StringComparison.Ordinal);
        Assert.Contains("[y/N]", run.Messages, StringComparison.Ordinal);
        Assert.Empty(pools.NewPoolCalls("AdminCreateUser"));
        Assert.False(Directory.Exists(pools.WorkDirectory));
    }

    [Fact]
    public async Task RunAsync_ConfirmedAtThePrompt_Sweeps()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(2);

        var run = await pools.SweepAsync(pools.Options(o => o with { AssumeYes = false }), input: "yes\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, pools.SuccessfulCreations().Count);
    }

    internal static async Task<Dictionary<string, UserView>> SeedVariedAsync(FakePools pools)
    {
        var seeded = new Dictionary<string, UserView>
        {
            ["ann"] = await pools.SeedOldAsync("ann", s => s with { Attributes = new Dictionary<string, string> { ["given_name"] = "Ann", ["custom:tenant"] = "acme" } }),
            ["ben"] = await pools.SeedOldAsync("ben", s => s with { Enabled = false }),
            ["cat"] = await pools.SeedOldAsync("cat", s => s with { EmailVerified = false }),
            ["dan"] = await pools.SeedOldAsync("dan", s => s with { Status = SeededUserStatus.ForceChangePassword }),
            ["eve"] = await pools.SeedOldAsync("eve", s => s with { Status = SeededUserStatus.ResetRequired }),
            ["fay"] = await pools.SeedOldAsync("fay"),
            ["gus"] = await pools.SeedOldAsync("gus", s => s with { Attributes = new Dictionary<string, string> { ["custom:tier"] = "gold" } }),
            ["hal"] = await pools.SeedOldAsync("hal"),
            ["ivy"] = await pools.SeedOldAsync("ivy", s => s with { Email = null, PhoneNumber = "+15555550100" }),
        };
        pools.Fake.SetUserStatus(pools.OldPoolId, "fay", "UNCONFIRMED");
        await pools.SeedNewAsync("hal", s => s with { Attributes = new Dictionary<string, string> { ["given_name"] = "New-pool-user" } });
        await pools.SeedManyOldAsync(40);
        return seeded;
    }
}
