using Trigger.Testing;
using Amazon.DynamoDBv2.Model;
using Trigger.Aws;
using Trigger.Aws.DynamoDb;
using Trigger.Cli.Tests.Support;
using Trigger.Migration.Ports;

namespace Trigger.Cli.Tests.Commands.FoldIndex;

/// <summary>
/// The fold index end to end on dynalite: built by <c>cognito-migrate index</c> from a snapshot of a few
/// thousand users, then read by the published bootstrap for sign-ins and sign-ups a case-insensitive new pool
/// hands it in lowercase.
/// </summary>
[Slow]
public sealed class FoldIndexOnDynaliteTests(FoldIndexWorld world) : IClassFixture<FoldIndexWorld>
{
    [Fact]
    public void Index_SnapshotWithFoldConflicts_ListsEachConflictAndExitsOne()
    {
        Assert.Equal(1, world.IndexExitCode);
        Assert.Contains("conflict alice: Alice, ALICE", world.IndexOutput, StringComparison.Ordinal);
        Assert.Contains("conflict sky: Sky, Rory (preferred_username)", world.IndexOutput, StringComparison.Ordinal);
        Assert.Contains("2 conflict(s)", world.IndexOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_SnapshotOfThousandsOfUsers_EveryUsernameAndEmailReadableByOneGetItem()
    {
        var index = await OpenIndexAsync();

        // Every filler user: the username and the email, each its own folded name.
        for (var i = 0; i < FoldIndexWorld.FillerUsers; i += 97)
        {
            var username = $"User{i:00000}";
            Assert.Equal([new FoldedNameOwner(username, FoldedNameOwner.UsernameAttribute)], await index.FindOwnersAsync(username.ToLowerInvariant(), CancellationToken.None));
            Assert.Equal([new FoldedNameOwner(username, "email")], await index.FindOwnersAsync($"{username.ToLowerInvariant()}@example.com", CancellationToken.None));
        }

        Assert.Empty(await index.FindOwnersAsync("nobody-has-this-name", CancellationToken.None));
        Assert.Contains($"of {FoldIndexWorld.FillerUsers + 5} old users", world.IndexOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_LowercasedMixedCaseUsername_MigratedThroughTheIndex()
    {
        var result = await world.Bridge.InvokeAsync(world.SignIn("quinn"));

        Assert.Contains("\"finalUserStatus\":\"CONFIRMED\"", result.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_LowercasedMixedCaseEmail_MigratedWithTheOldUsername()
    {
        var result = await world.Bridge.InvokeAsync(world.SignIn("quinn.q@example.com"));

        Assert.Contains("\"finalUserStatus\":\"CONFIRMED\"", result.Payload, StringComparison.Ordinal);
        // Signed in by an alias: the answer carries the old username, case kept, so data keyed on it still matches.
        Assert.Contains("\"username\":\"Quinn\"", result.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_TwoOldUsernamesFoldTogether_Refused()
    {
        var result = await world.Bridge.InvokeAsync(world.SignIn("alice"));

        // A refusal is an answer without attributes: Cognito then fails the sign-in as for an unknown user.
        Assert.False(result.IsFunctionError, result.Payload);
        Assert.DoesNotContain("finalUserStatus", result.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_UsernameFoldsOntoAnotherUsersAlias_Refused()
    {
        var result = await world.Bridge.InvokeAsync(world.SignIn("sky"));

        Assert.False(result.IsFunctionError, result.Payload);
        Assert.DoesNotContain("finalUserStatus", result.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreSignUp_OtherCaseOfAnUnmigratedOldUsername_Refused()
    {
        var result = await world.Bridge.InvokeAsync(world.SignUp("QUINN"));

        Assert.Equal("SignUpRefused", result.ErrorType);
    }

    [Fact]
    public async Task PreSignUp_OtherCaseOfAnUnmigratedOldEmail_Refused()
    {
        var result = await world.Bridge.InvokeAsync(world.SignUp("stranger", "quinn.q@example.com"));

        Assert.Equal("SignUpRefused", result.ErrorType);
    }

    [Fact]
    public async Task PreSignUp_NameNoOldUserOwnsInAnyCase_Allowed()
    {
        var result = await world.Bridge.InvokeAsync(world.SignUp("newcomer", "newcomer@example.com"));

        Assert.False(result.IsFunctionError, result.Payload);
    }

    [Fact]
    public async Task Index_InterruptedRun_ResumesFromItsCheckpoint()
    {
        var directory = Directory.CreateTempSubdirectory("fold-index-resume-").FullName;
        try
        {
            var snapshot = Path.Combine(directory, "old-pool.jsonl");
            await FoldIndexWorld.WriteSnapshotAsync(snapshot, world.OldPoolId, [], fillers: 100);
            // A run that wrote the first 150 of the 200 items (100 usernames, 100 emails) before it stopped.
            await File.WriteAllTextAsync(
                snapshot + ".index-checkpoint",
                $$"""{"table":"resumed-index","snapshotBytes":{{new FileInfo(snapshot).Length}},"passes":1,"pass":0,"written":150,"totalWritten":150}""");

            var run = await new CliRunner { Environment = world.CliEnvironment }
                .RunWithAsync("index", "--snapshot", snapshot, "--table", "resumed-index", "--create-table");

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("Indexed 200 folded names of 100 old users into resumed-index (50 write units, resumed", run.Out, StringComparison.Ordinal);
            Assert.False(File.Exists(snapshot + ".index-checkpoint"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task FindOwners_TableMissing_UnavailableNotTransient()
    {
        var index = new DynamoDbFoldedNameIndex("no-such-table", Options(), maxRetries: 0, attemptTimeout: TimeSpan.FromSeconds(5));

        var failure = await Assert.ThrowsAsync<UserDirectoryUnavailableException>(() => index.FindOwnersAsync("quinn", CancellationToken.None));

        Assert.False(failure.Transient);
        Assert.Contains("ResourceNotFoundException", failure.Reason, StringComparison.Ordinal);
    }

    private async Task<DynamoDbFoldedNameIndex> OpenIndexAsync()
    {
        var client = await DynamoDbClients.CreateAsync(Options(), maxRetries: 0, attemptTimeout: TimeSpan.FromSeconds(5), CancellationToken.None);
        _ = await client.DescribeTableAsync(new DescribeTableRequest { TableName = FoldIndexWorld.Table });
        return new DynamoDbFoldedNameIndex(FoldIndexWorld.Table, client);
    }

    private AwsClientOptions Options() => new()
    {
        Region = "us-east-1",
        EndpointOverride = world.Dynalite.Endpoint,
        Credentials = CliRunner.TestCredentials,
    };
}
