using System.Text.Json.Nodes;

namespace Trigger.Testing;

/// <summary>One user import job: its pre-signed upload, status and result.</summary>
internal sealed class FakeImportJob
{
    public required string JobId { get; init; }

    public required string JobName { get; init; }

    public required string UserPoolId { get; init; }

    public required string CloudWatchLogsRoleArn { get; init; }

    public required string PreSignedUrl { get; init; }

    /// <summary>The X-Amz-Signature value the upload must carry.</summary>
    public required string UploadToken { get; init; }

    public required DateTimeOffset UploadExpires { get; init; }

    public double CreatedAt { get; init; }

    public double? StartedAt { get; set; }

    public double? CompletedAt { get; set; }

    public byte[]? File { get; set; }

    public string Status { get; set; } = "Created";

    /// <summary>Describe calls left that still report InProgress.</summary>
    public int PollsBeforeCompletion { get; set; }

    public ImportOutcome? Outcome { get; set; }

    public bool IsActive => Status is "Pending" or "InProgress";

    public JsonObject Describe()
    {
        var job = new JsonObject
        {
            ["JobName"] = JobName,
            ["JobId"] = JobId,
            ["UserPoolId"] = UserPoolId,
            ["PreSignedUrl"] = PreSignedUrl,
            ["CreationDate"] = CreatedAt,
            ["Status"] = Status,
            ["CloudWatchLogsRoleArn"] = CloudWatchLogsRoleArn,
            ["ImportedUsers"] = Status is "Succeeded" or "Failed" ? Outcome?.Imported ?? 0 : 0,
            ["SkippedUsers"] = Status is "Succeeded" or "Failed" ? Outcome?.Skipped ?? 0 : 0,
            ["FailedUsers"] = Status is "Succeeded" or "Failed" ? Outcome?.FailedUsers ?? 0 : 0,
        };
        if (StartedAt is { } started)
        {
            job["StartDate"] = started;
        }

        if (CompletedAt is { } completed && Status is "Succeeded" or "Failed")
        {
            job["CompletionDate"] = completed;
            job["CompletionMessage"] = Outcome?.CompletionMessage;
        }

        return job;
    }
}
