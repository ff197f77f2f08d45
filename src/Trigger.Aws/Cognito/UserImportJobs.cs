using System.Text;

namespace Trigger.Aws.Cognito;

/// <summary>Asks for the exact CSV columns of a pool's import file.</summary>
public sealed record GetCSVHeaderRequest
{
    /// <summary>The pool.</summary>
    public required string UserPoolId { get; init; }
}

/// <summary>The columns an import file must have, in order.</summary>
public sealed record GetCSVHeaderResponse
{
    /// <summary>The pool.</summary>
    public string? UserPoolId { get; init; }

    /// <summary>The column names, for example <c>cognito:username</c>, <c>email_verified</c>.</summary>
    public IReadOnlyList<string>? CSVHeader { get; init; }
}

/// <summary>Creates an import job and a presigned URL to upload the CSV to.</summary>
public sealed record CreateUserImportJobRequest
{
    /// <summary>The pool.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>A name for the job.</summary>
    public required string JobName { get; init; }

    /// <summary>The role Cognito uses to write the job's CloudWatch Logs.</summary>
    public required string CloudWatchLogsRoleArn { get; init; }
}

/// <summary>Starts an uploaded import job.</summary>
public sealed record StartUserImportJobRequest
{
    /// <summary>The pool.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>The job.</summary>
    public required string JobId { get; init; }
}

/// <summary>Reads an import job's progress.</summary>
public sealed record DescribeUserImportJobRequest
{
    /// <summary>The pool.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>The job.</summary>
    public required string JobId { get; init; }
}

/// <summary>The created job, with its upload URL.</summary>
public sealed record CreateUserImportJobResponse
{
    /// <summary>The job.</summary>
    public UserImportJobType? UserImportJob { get; init; }
}

/// <summary>The started job.</summary>
public sealed record StartUserImportJobResponse
{
    /// <summary>The job.</summary>
    public UserImportJobType? UserImportJob { get; init; }
}

/// <summary>The job's current state.</summary>
public sealed record DescribeUserImportJobResponse
{
    /// <summary>The job.</summary>
    public UserImportJobType? UserImportJob { get; init; }
}

/// <summary>A CSV import job.</summary>
public sealed record UserImportJobType
{
    /// <summary>The job's name.</summary>
    public string? JobName { get; init; }

    /// <summary>The job's id.</summary>
    public string? JobId { get; init; }

    /// <summary>The pool.</summary>
    public string? UserPoolId { get; init; }

    /// <summary>Where to PUT the CSV (valid 15 minutes, header <c>x-amz-server-side-encryption: aws:kms</c>). A bearer credential: never logged.</summary>
    public string? PreSignedUrl { get; init; }

    /// <summary>When the job was created.</summary>
    public DateTimeOffset? CreationDate { get; init; }

    /// <summary>When the job started.</summary>
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>When the job ended.</summary>
    public DateTimeOffset? CompletionDate { get; init; }

    /// <summary><c>Created</c>, <c>Pending</c>, <c>InProgress</c>, <c>Stopping</c>, <c>Expired</c>, <c>Stopped</c>, <c>Failed</c> or <c>Succeeded</c>.</summary>
    public string? Status { get; init; }

    /// <summary>The logging role.</summary>
    public string? CloudWatchLogsRoleArn { get; init; }

    /// <summary>Users imported so far.</summary>
    public long ImportedUsers { get; init; }

    /// <summary>Users skipped.</summary>
    public long SkippedUsers { get; init; }

    /// <summary>Users that failed.</summary>
    public long FailedUsers { get; init; }

    /// <summary>Why the job ended as it did.</summary>
    public string? CompletionMessage { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("JobId = ").Append(JobId)
            .Append(", JobName = ").Append(JobName)
            .Append(", Status = ").Append(Status)
            .Append(", ImportedUsers = ").Append(ImportedUsers)
            .Append(", SkippedUsers = ").Append(SkippedUsers)
            .Append(", FailedUsers = ").Append(FailedUsers)
            .Append(", PreSignedUrl = ").Append(PreSignedUrl is null ? "null" : "[redacted]");
        return true;
    }
}
