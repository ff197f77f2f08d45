namespace Trigger.Testing;

/// <summary>
/// One line of an import job's result, as Cognito writes it to CloudWatch Logs: the CSV line number
/// (the header is line 1), SUCCEEDED / SKIPPED / FAILED, and why. No user data.
/// </summary>
/// <param name="LineNumber">1-based line in the uploaded file.</param>
/// <param name="Outcome">SUCCEEDED, SKIPPED or FAILED.</param>
/// <param name="Reason">The reason text.</param>
public sealed record FakeImportLine(int LineNumber, string Outcome, string Reason);
