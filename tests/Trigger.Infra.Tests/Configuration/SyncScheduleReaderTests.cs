using System.Text.Json.Nodes;
using Trigger.Infra.Configuration;

namespace Trigger.Infra.Tests;

/// <summary>The <c>sync</c> section of a migration entry: defaults, and one clear message for each wrong value.</summary>
public sealed class SyncScheduleReaderTests
{
    private const string Source = "test.jsonc";

    [Fact]
    public void Read_RateScheduleOnly_StaleAfterTwoPeriodsAndTheCommandsDefaultRates()
    {
        var sync = Read(Config(("schedule", "rate(6 hours)"))).Sync!;

        Assert.Equal("rate(6 hours)", sync.Schedule);
        Assert.Equal(12, sync.StaleAfterHours);
        Assert.Equal(5, sync.ListRate);
        Assert.Equal(5, sync.StandbyListRate);
        Assert.Equal(10, sync.ReadRate);
        Assert.Equal(5, sync.CreateRate);
        Assert.Equal(5, sync.UpdateRate);
    }

    [Fact]
    public void Read_NoSyncSection_NoScheduledSync()
    {
        var config = Config(("schedule", "rate(1 day)"));
        Migration(config).Remove("sync");

        Assert.Null(Read(config).Sync);
    }

    [Fact]
    public void Read_CronWithStaleAfterAndRates_TakesThemAsGiven()
    {
        var sync = Read(Config(
            ("schedule", "cron(0 */4 * * ? *)"), ("staleAfterHours", 9), ("listRate", 10), ("standbyListRate", 20),
            ("readRate", 15), ("createRate", 3), ("updateRate", 25))).Sync!;

        Assert.Equal(("cron(0 */4 * * ? *)", 9, 10, 20, 15, 3, 25),
            (sync.Schedule, sync.StaleAfterHours, sync.ListRate, sync.StandbyListRate, sync.ReadRate, sync.CreateRate, sync.UpdateRate));
    }

    [Theory]
    [InlineData("every 6 hours", "migrations[0].sync.schedule \"every 6 hours\" is not an EventBridge Scheduler expression")]
    [InlineData("rate(30 minutes)", "migrations[0].sync.schedule \"rate(30 minutes)\" runs more often than hourly")]
    [InlineData("cron(0 */6 * * ? *)", "migrations[0].sync.staleAfterHours is missing: with a cron schedule")]
    [InlineData("rate(5 days)", "migrations[0].sync.staleAfterHours is missing and two periods of \"rate(5 days)\" exceed the alarm's 168-hour limit")]
    public void Read_BadSchedule_NamesIt(string schedule, string expected)
    {
        AssertRefused(Config(("schedule", schedule)), expected);
    }

    [Fact]
    public void Read_ScheduleMissing_NamesIt()
    {
        AssertRefused(Config(("listRate", 5)), "migrations[0].sync.schedule is missing");
    }

    [Fact]
    public void Read_StaleAfterShorterThanOnePeriod_IsRefused()
    {
        AssertRefused(Config(("schedule", "rate(6 hours)"), ("staleAfterHours", 5)),
            "migrations[0].sync.staleAfterHours 5 is shorter than one period of \"rate(6 hours)\"");
    }

    [Theory]
    [InlineData("listRate", 31, "migrations[0].sync.listRate 31 is not a whole number from 1 to 30")]
    [InlineData("standbyListRate", 0, "migrations[0].sync.standbyListRate 0 is not a whole number from 1 to 30")]
    [InlineData("updateRate", 26, "migrations[0].sync.updateRate 26 is not a whole number from 1 to 25")]
    [InlineData("staleAfterHours", 169, "migrations[0].sync.staleAfterHours 169 is not a whole number from 1 to 168")]
    public void Read_RateOutsideItsQuota_IsRefused(string key, int value, string expected)
    {
        AssertRefused(Config(("schedule", "rate(6 hours)"), (key, value)), expected);
    }

    [Fact]
    public void Read_DeleteMissingTrue_IsRefusedAndPointsToTheCommand()
    {
        AssertRefused(Config(("schedule", "rate(6 hours)"), ("deleteMissing", true)),
            "migrations[0].sync.deleteMissing can only be false: the scheduled sync disables users the primary no longer has");
    }

    [Fact]
    public void Read_DeleteMissingFalse_IsAccepted()
    {
        Assert.NotNull(Read(Config(("schedule", "rate(6 hours)"), ("deleteMissing", false))).Sync);
    }

    [Fact]
    public void Read_UnknownKey_IsRefused()
    {
        AssertRefused(Config(("schedule", "rate(6 hours)"), ("quotaShare", 5)), "migrations[0].sync.quotaShare is not a known setting");
    }

    [Fact]
    public void Read_CrossAccountOldPool_IsRefused()
    {
        var config = Config(("schedule", "rate(6 hours)"));
        Migration(config)["oldPool"]!["roleArn"] = "arn:aws:iam::222222222222:role/reader";
        Migration(config)["oldPool"]!["externalId"] = "ext-id";

        AssertRefused(config, "migrations[0].sync cannot be used with oldPool.roleArn yet");
    }

    private static MigrationSettings Read(JsonObject config) =>
        MigrationConfigReader.Read(config.ToJsonString(), Source).Migrations.Single();

    private static void AssertRefused(JsonObject config, string expected)
    {
        var error = Assert.Throws<MigrationConfigException>(() => Read(config));

        Assert.StartsWith($"{Source}: {expected}", error.Message, StringComparison.Ordinal);
    }

    private static JsonObject Config(params (string Key, JsonNode? Value)[] sync)
    {
        var config = JsonNode.Parse("""
            {
              "migrations": [
                {
                  "name": "Standby",
                  "account": "111111111111",
                  "region": "eu-central-1",
                  "oldPool": { "userPoolId": "eu-west-1_OldPool01", "clientId": "oldclient01" },
                  "newPool": { "create": { "signInAliases": ["email"] } }
                }
              ]
            }
            """)!.AsObject();
        var section = new JsonObject();
        foreach (var (key, value) in sync)
        {
            section[key] = value;
        }

        Migration(config)["sync"] = section;
        return config;
    }

    private static JsonObject Migration(JsonObject config) => config["migrations"]![0]!.AsObject();
}
