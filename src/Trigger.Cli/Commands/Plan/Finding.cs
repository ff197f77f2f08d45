using System.Text.Json.Serialization;

namespace Trigger.Cli.Commands.Plan;

/// <summary>How much a finding stands in the way of the migration.</summary>
internal enum Severity
{
    /// <summary>Fix it before the first user signs in: users would fail to migrate, lose data, or not reach the trigger.</summary>
    [JsonStringEnumMemberName("blocking")]
    Blocking,

    /// <summary>The migration works, but something is lost or behaves differently; decide knowingly.</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,
}

/// <summary>One thing the plan found, with a one-line fix.</summary>
/// <param name="Code">A stable name for scripts and tests, for example <c>attribute-missing</c>.</param>
/// <param name="Severity">Blocking or warning.</param>
/// <param name="Area">attributes, sign-in, new-pool-clients, old-pool-client, mfa or passwords.</param>
/// <param name="Message">What is wrong, in one sentence or two.</param>
/// <param name="Fix">What to do about it, in one line.</param>
internal sealed record Finding(string Code, Severity Severity, string Area, string Message, string Fix);
