using System.Globalization;

namespace Trigger.Cli.Commands.Plan;

/// <summary>
/// How long a sweep of the old pool would take under the default quotas (Cognito quotas page, per
/// account and region): listing at 30 ListUsers requests per second (UserList, not adjustable) of at
/// most 60 users each, creating at 50 AdminCreateUser requests per second (UserCreation, adjustable).
/// Creating every user is an upper bound: users who signed in during the window already exist.
/// </summary>
/// <param name="Users">The old pool's estimated number of users.</param>
internal sealed record SweepEstimate(long Users)
{
    public const int ListRequestsPerSecond = 30;
    public const int UsersPerPage = 60;
    public const int CreatesPerSecond = 50;
    public const int PasswordSetsPerSecond = 25;

    /// <summary>Users the admin sweep can settle per second: the slower of its two writes.</summary>
    public static int UsersPerSecond => Math.Min(CreatesPerSecond, PasswordSetsPerSecond);

    /// <summary>Reading every old user once.</summary>
    public TimeSpan Listing => TimeSpan.FromSeconds(Math.Ceiling(Users / (double)UsersPerPage) / ListRequestsPerSecond);

    /// <summary>Creating every old user in the new pool.</summary>
    public TimeSpan Creating => TimeSpan.FromSeconds(Users / (double)UsersPerSecond);

    /// <summary>For example "about 11 h 7 min", "under a minute".</summary>
    public static string Describe(TimeSpan duration)
    {
        if (duration < TimeSpan.FromMinutes(1))
        {
            return "under a minute";
        }

        var minutes = (long)Math.Ceiling(duration.TotalMinutes);
        return minutes < 60
            ? string.Create(CultureInfo.InvariantCulture, $"about {minutes} min")
            : string.Create(CultureInfo.InvariantCulture, $"about {minutes / 60} h {minutes % 60} min");
    }
}
