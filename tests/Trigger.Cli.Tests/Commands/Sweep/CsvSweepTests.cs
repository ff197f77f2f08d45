using System.Text;
using System.Text.Json.Nodes;
using Trigger.Cli.Commands.Sweep;
using Trigger.Cli.Tests.Commands.Sweep.Support;
using Trigger.Testing;

namespace Trigger.Cli.Tests.Commands.Sweep;

/// <summary>The CSV strategy: files against golden files for the escaping rules, splitting, the import-job flow, resume.</summary>
public sealed class CsvSweepTests
{
    private static readonly string[] _goldenUsers =
    [
        User("ann", """{"email":"ann@example.com","email_verified":"true","given_name":"Ann, the first","custom:tenant":"acme,inc","birthdate":"1990-07-04","updated_at":"1700000000","address":"1 Main St, Springfield","sub":"11111111-aaaa"}"""),
        User("bob", """{"phone_number":"+15555550100","phone_number_verified":"true","name":"Bob \"Bobby\" Smith","locale":"en-US","sub":"22222222-bbbb"}"""),
        User("cy", """{"email":"cy@example.com","email_verified":"true","nickname":"c:\\"}"""),
        User("dee", """{"email":"dee@example.com","email_verified":"true","family_name":"two\nlines"}"""),
        User("eve", """{"email":"eve@example.com","email_verified":"true"}""", enabled: false),
        User("fox", """{"email":"fox@example.com","email_verified":"true","birthdate":"07/04/1990"}"""),
        User("gil", """{"email":"gil@example.com","email_verified":"true","birthdate":"July 4"}"""),
        User("hélène", """{"email":"helene@example.com","email_verified":"true","given_name":"Hélène","zoneinfo":"Europe/Paris"}"""),
    ];

    [Fact]
    public async Task RunAsync_CsvStrategy_FileMatchesTheGoldenFileForTheEscapingRules()
    {
        await using var pools = await FakePools.StartAsync(newPool: new PoolSpec("new") { Schema = [new SchemaAttributeSpec("tenant")] });
        var snapshot = Snapshot(pools, _goldenUsers);

        var run = await pools.SweepAsync(pools.Options(o => o with { OldUserPoolId = null, SnapshotPath = snapshot, TrustSnapshot = true, Strategy = SweepStrategy.Csv }));

        Assert.Equal(1, run.ExitCode); // three users cannot be written: findings
        var written = await File.ReadAllBytesAsync(Path.Combine(pools.WorkDirectory, "import", "users-0001.csv"));
        var golden = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Commands", "Sweep", "Golden", "users-0001.csv"));
        Assert.Equal(Encoding.UTF8.GetString(golden), Encoding.UTF8.GetString(written));
        Assert.False(written.AsSpan().StartsWith(Encoding.UTF8.Preamble), "the file must be UTF-8 without a byte order mark");
        var report = JsonNode.Parse(run.Output)!;
        Assert.Equal(4, report["counts"]!["queued"]!.GetValue<long>());
        Assert.Equal(3, report["counts"]!["unmappable"]!.GetValue<long>());
        Assert.Equal(1, report["counts"]!["skipped"]!.GetValue<long>());
        var unrepresentable = report["reasons"]!.AsArray().Single(r => r!["reason"]!.GetValue<string>() == CsvImportRow.Unrepresentable)!;
        Assert.Equal(["cy", "dee", "gil"], unrepresentable["examples"]!.AsArray().Select(e => e!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Empty(pools.NewPoolCalls("AdminCreateUser"));
    }

    [Fact]
    public async Task RunAsync_CsvWithImport_JobCreatedUploadedStartedPolledUsersResetRequired()
    {
        await using var pools = await FakePools.StartAsync(
            newPool: new PoolSpec("new") { Schema = [new SchemaAttributeSpec("tenant")] },
            options: new FakeCognitoOptions { ImportJobPollsBeforeCompletion = 2 });
        var snapshot = Snapshot(pools, [.. _goldenUsers.Where(u => !u.Contains("\"cy\"", StringComparison.Ordinal) && !u.Contains("\"dee\"", StringComparison.Ordinal) && !u.Contains("\"gil\"", StringComparison.Ordinal))]);

        var run = await pools.SweepAsync(pools.Options(o => o with
        {
            OldUserPoolId = null,
            SnapshotPath = snapshot,
            TrustSnapshot = true,
            Strategy = SweepStrategy.Csv,
            RunImport = true,
            CloudWatchLogsRoleArn = "arn:aws:iam::123456789012:role/CognitoImportLogs",
            ImportPollInterval = TimeSpan.FromMilliseconds(5),
        }));

        Assert.True(run.ExitCode == 0, run.Messages + run.Output);
        var upload = JsonNode.Parse(Assert.Single(pools.Fake.CallsTo("PutImportFile")).RequestSummary)!;
        Assert.Equal("aws:kms", upload["ServerSideEncryption"]!.GetValue<string>());
        Assert.Single(pools.Fake.CallsTo("StartUserImportJob"));
        Assert.Equal(3, pools.Fake.CallsTo("DescribeUserImportJob").Count);
        var part = JsonNode.Parse(run.Output)!["importFiles"]![0]!;
        Assert.Equal("Succeeded", part["jobStatus"]!.GetValue<string>());
        Assert.Equal(4, part["imported"]!.GetValue<long>());
        var ann = await pools.NewUserOrNullAsync("ann");
        Assert.Equal("RESET_REQUIRED", ann!.UserStatus);
        Assert.Equal("Ann, the first", ann["given_name"]);
        Assert.Equal("acme,inc", ann["custom:tenant"]);
        Assert.Equal("Hélène", (await pools.NewUserOrNullAsync("hélène"))!["given_name"]);
        Assert.DoesNotContain("X-Amz-Signature", run.Output + run.Messages, StringComparison.Ordinal);
        Assert.DoesNotContain("fake-s3", run.Output + run.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ManyUsers_SplitIntoFilesOfAtMostTheRowLimitEachWithTheHeader()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(23);

        var run = await pools.SweepAsync(pools.Options(o => o with { Strategy = SweepStrategy.Csv }), new SweepSeams { ImportFileMaxRows = 10 });

        Assert.Equal(0, run.ExitCode);
        var files = Directory.GetFiles(Path.Combine(pools.WorkDirectory, "import")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["users-0001.csv", "users-0002.csv", "users-0003.csv"], files.Select(Path.GetFileName));
        var rows = files.Select(f => File.ReadAllLines(f)).ToList();
        Assert.All(rows, r => Assert.StartsWith("name,given_name", r[0], StringComparison.Ordinal));
        Assert.Equal([11, 11, 4], rows.Select(r => r.Length));
        Assert.Equal(23, rows.SelectMany(r => r.Skip(1)).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task RunAsync_KilledAfterTheFirstFile_ResumesWithTheNextFileNoRowTwice()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(25);
        var crash = new CrashSwitch();
        var files = new FaultyFiles((name, n) => name == "checkpoint.json" && n == 3, crash);

        var first = await pools.SweepAsync(pools.Options(o => o with { Strategy = SweepStrategy.Csv }), new SweepSeams { Files = files, ImportFileMaxRows = 10 });
        var second = await pools.SweepAsync(pools.Options(o => o with { Strategy = SweepStrategy.Csv }), new SweepSeams { ImportFileMaxRows = 10 });

        Assert.Equal(FakePools.Killed, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        var rows = Directory.GetFiles(Path.Combine(pools.WorkDirectory, "import")).Order(StringComparer.Ordinal).SelectMany(f => File.ReadAllLines(f).Skip(1)).ToList();
        Assert.Equal(25, rows.Count);
        Assert.Equal(25, rows.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(Directory.GetFiles(Path.Combine(pools.WorkDirectory, "import"), "*.partial"));
        Assert.Equal(25, JsonNode.Parse(second.Output)!["counts"]!["queued"]!.GetValue<long>());
        var journal = await File.ReadAllLinesAsync(Path.Combine(pools.WorkDirectory, "journal.jsonl"));
        Assert.Equal(25, journal.Select(l => JsonNode.Parse(l)!["user"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(25, journal.Length);
    }

    [Theory]
    [InlineData("a,b", "a\\,b")]
    [InlineData("a\\,b", "a\\\\,b")]
    [InlineData("\"quoted\"", "\"quoted\"")]
    [InlineData("", "")]
    public void Build_Values_CommasEscapedWithABackslashNoQuoting(string value, string expected)
    {
        var header = new[] { "given_name", "email", "email_verified", "phone_number", "phone_number_verified", "cognito:mfa_enabled", "cognito:username" };
        var attributes = new Dictionary<string, string> { ["given_name"] = value, ["email"] = "x@example.com", ["email_verified"] = "true" };

        var (row, reason, _) = CsvImportRow.Build(header, "x", attributes, mfaEnabled: false);

        Assert.Null(reason);
        Assert.Equal($"{expected},x@example.com,true,,,false,x", row);
    }

    [Theory]
    [InlineData("ends\\", "ends with a backslash")]
    [InlineData("line\rbreak", "line break")]
    public void Build_ValueTheFormatCannotCarry_UnrepresentableNotABrokenRow(string value, string expected)
    {
        var header = new[] { "given_name", "email", "email_verified", "phone_number", "phone_number_verified", "cognito:mfa_enabled", "cognito:username" };
        var attributes = new Dictionary<string, string> { ["given_name"] = value, ["email"] = "x@example.com", ["email_verified"] = "true" };

        var (row, reason, detail) = CsvImportRow.Build(header, "x", attributes, mfaEnabled: false);

        Assert.Null(row);
        Assert.Equal(CsvImportRow.Unrepresentable, reason);
        Assert.Contains(expected, detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RowLongerThanTheLimit_Unrepresentable()
    {
        var header = new[] { "address", "email", "email_verified", "phone_number", "phone_number_verified", "cognito:mfa_enabled", "cognito:username" };
        var attributes = new Dictionary<string, string> { ["address"] = new string('a', 16_001), ["email"] = "x@example.com", ["email_verified"] = "true" };

        var (row, _, detail) = CsvImportRow.Build(header, "x", attributes, mfaEnabled: false);

        Assert.Null(row);
        Assert.Contains("16000", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_ByteLimit_NextRowStartsANewFile()
    {
        var directory = Directory.CreateTempSubdirectory("cli2-csv-");
        try
        {
            using var writer = new ImportFileWriter(directory.FullName, ["cognito:username"], firstNumber: 1, maxRows: 1000, maxBytes: 40);
            var parts = new List<ImportPart>();
            foreach (var name in new[] { "aaaaaaaa", "bbbbbbbb", "cccccccc" })
            {
                if (writer.WouldOverflow(ImportFileWriter.ByteCount(name)))
                {
                    parts.Add(writer.Complete()!);
                }

                writer.Write(name);
            }

            parts.Add(writer.Complete()!);

            Assert.Equal([1, 2], parts.Select(p => p.Number));
            Assert.All(parts, p => Assert.True(p.Bytes <= 40));
            Assert.Equal("cognito:username\naaaaaaaa\nbbbbbbbb\n", File.ReadAllText(parts[0].File));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string User(string username, string attributes, bool enabled = true) =>
        $$"""{"kind":"user","username":"{{username}}","attributes":{{attributes}},"status":"CONFIRMED","enabled":{{(enabled ? "true" : "false")}}}""";

    private static string Snapshot(FakePools pools, IReadOnlyList<string> users)
    {
        var path = Path.Combine(pools.Scratch.FullName, "golden-source.jsonl");
        var lines = new List<string> { """{"kind":"snapshot","format":1,"userPoolId":"us-east-1_golden"}""" };
        lines.AddRange(users);
        lines.Add($$"""{"kind":"summary","users":{{users.Count}}}""");
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }
}
