using System.Globalization;
using System.Text.RegularExpressions;

namespace Trigger.Infra.Configuration;

/// <summary>Reads a migration's optional <c>sync</c> section; every wrong value stops synthesis with one message naming it.</summary>
internal static partial class SyncScheduleReader
{
    // The sync command's own defaults (SyncCommand), so a section with only a schedule runs as the command does by hand.
    internal const int DefaultListRate = 5;
    internal const int DefaultReadRate = 10;
    internal const int DefaultCreateRate = 5;
    internal const int DefaultUpdateRate = 5;

    // CloudWatch limits an alarm's evaluation range (period x periods) to 7 days when the period is an hour or more.
    internal const int MaximumStaleAfterHours = 168;

    // UserList is 30 requests per second in a region and UserUpdate 25 (neither adjustable): a share above the whole
    // quota only throttles the live traffic that shares it.
    private const int UserListQuota = 30;
    private const int UserUpdateQuota = 25;
    private const int MaximumRate = 1000;

    [GeneratedRegex(@"^rate\((?<value>[1-9][0-9]{0,5}) (?<unit>minutes?|hours?|days?)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"^(rate\([1-9][0-9]{0,5} (minutes?|hours?|days?)\)|cron\(\S+( \S+){5}\))$", RegexOptions.CultureInvariant)]
    private static partial Regex SchedulePattern();

    public static SyncScheduleSettings? Read(ConfigSection entry, OldPoolSettings oldPool)
    {
        if (entry.OptionalSection("sync") is not { } section)
        {
            return null;
        }

        var schedule = section.RequiredString("schedule", SchedulePattern(), "an EventBridge Scheduler expression (rate(6 hours) or cron(0 */6 * * ? *))");
        var rate = RatePattern().Match(schedule);
        if (rate.Success && RateMinutes(rate) < 60)
        {
            throw section.Error("schedule", $"\"{schedule}\" runs more often than hourly: a pass over the whole primary takes minutes to hours, and a run still going makes the next one stop");
        }

        var staleAfter = section.OptionalInt("staleAfterHours", 1, MaximumStaleAfterHours);
        if (staleAfter is null)
        {
            if (!rate.Success)
            {
                throw section.Error("staleAfterHours", "is missing: with a cron schedule give the hours without a successful run after which the alarm fires");
            }

            // Two periods: one run may fail or overrun without alarming twice for the same gap.
            var twoPeriods = (int)Math.Ceiling(2 * RateMinutes(rate) / 60.0);
            staleAfter = twoPeriods <= MaximumStaleAfterHours
                ? twoPeriods
                : throw section.Error("staleAfterHours", $"is missing and two periods of \"{schedule}\" exceed the alarm's {MaximumStaleAfterHours}-hour limit: set it");
        }
        else if (rate.Success && staleAfter.Value * 60 < RateMinutes(rate))
        {
            throw section.Error("staleAfterHours", $"{staleAfter} is shorter than one period of \"{schedule}\": the alarm would fire between two healthy runs");
        }

        if (section.OptionalBool("deleteMissing", fallback: false))
        {
            // Deleting also deletes any password the trigger carried; unattended, that is the operator's decision
            // to make at a prompt, not a setting.
            throw section.Error("deleteMissing", "can only be false: the scheduled sync disables users the primary no longer has; delete them with cognito-migrate sync --delete-missing by hand");
        }

        var settings = new SyncScheduleSettings
        {
            Schedule = schedule,
            StaleAfterHours = staleAfter.Value,
            ListRate = section.OptionalInt("listRate", 1, UserListQuota) ?? DefaultListRate,
            StandbyListRate = section.OptionalInt("standbyListRate", 1, UserListQuota) ?? DefaultListRate,
            ReadRate = section.OptionalInt("readRate", 1, MaximumRate) ?? DefaultReadRate,
            CreateRate = section.OptionalInt("createRate", 1, MaximumRate) ?? DefaultCreateRate,
            UpdateRate = section.OptionalInt("updateRate", 1, UserUpdateQuota) ?? DefaultUpdateRate,
        };
        section.RejectUnknownKeys();

        if (oldPool.CrossAccountRole is not null)
        {
            // The old account's role trusts the function role only and lacks DescribeUserPool.
            throw entry.Error("sync", "cannot be used with oldPool.roleArn yet: the scheduled sync reads the primary with its own role in this account");
        }

        return settings;
    }

    private static int RateMinutes(Match rate)
    {
        var value = int.Parse(rate.Groups["value"].Value, CultureInfo.InvariantCulture);
        return rate.Groups["unit"].Value switch
        {
            ['m', ..] => value,
            ['h', ..] => value * 60,
            _ => value * 60 * 24,
        };
    }
}
