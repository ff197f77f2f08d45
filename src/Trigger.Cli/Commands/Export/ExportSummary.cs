namespace Trigger.Cli.Commands.Export;

/// <summary>The export's report, printed at the end (JSON with <c>--output json</c>).</summary>
/// <param name="Command">Always <c>export</c>.</param>
/// <param name="UserPoolId">The old pool.</param>
/// <param name="File">The snapshot written.</param>
/// <param name="Users">User lines in it.</param>
/// <param name="Pages">ListUsers pages read.</param>
/// <param name="Resumed">This run resumed an interrupted one.</param>
/// <param name="Seconds">This run's time.</param>
/// <param name="Memberships">Group memberships recorded (this run's reading of them); null with <c>--no-groups</c>.</param>
internal sealed record ExportSummary(string Command, string UserPoolId, string File, long Users, long Pages, bool Resumed, double Seconds, long? Memberships = null);
