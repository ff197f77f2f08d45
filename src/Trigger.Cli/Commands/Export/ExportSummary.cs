namespace Trigger.Cli.Commands.Export;

/// <summary>The export's report, printed at the end (JSON with <c>--output json</c>).</summary>
internal sealed record ExportSummary(string Command, string UserPoolId, string File, long Users, long Pages, bool Resumed, double Seconds);
