using System.Text.Json.Nodes;

namespace Trigger.Testing;

/// <summary>
/// The CSV import: GetCSVHeader, CreateUserImportJob (a pre-signed-URL-like PUT target on the fake
/// itself, valid 15 minutes, requiring <c>x-amz-server-side-encryption: aws:kms</c>),
/// StartUserImportJob (one active job at a time) and DescribeUserImportJob.
/// </summary>
internal sealed partial class FakeIdentityProvider
{
    /// <summary>The path prefix of upload URLs; the job id follows.</summary>
    public const string UploadPathPrefix = "/fake-s3/cognito-import/";

    private const long MaxImportFileBytes = 100L * 1024 * 1024;
    private static readonly TimeSpan _uploadValidity = TimeSpan.FromMinutes(15);

    private JsonObject GetCsvHeader(JsonObject request)
    {
        var pool = Pool(request);
        return new JsonObject
        {
            ["UserPoolId"] = pool.Id,
            ["CSVHeader"] = new JsonArray(pool.CsvHeader().Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
        };
    }

    private JsonObject CreateUserImportJob(JsonObject request)
    {
        var pool = Pool(request);
        var jobName = RequestFields.Required(request, "JobName");
        var role = RequestFields.Required(request, "CloudWatchLogsRoleArn");
        if (!role.StartsWith("arn:", StringComparison.Ordinal))
        {
            throw CognitoFault.InvalidParameter($"CloudWatchLogsRoleArn '{role}' is not an ARN.");
        }

        var jobId = "import-" + RandomText(Alphanumeric, 10);
        var token = RandomText(LowerAlphanumeric, 64);
        var endpoint = Endpoint ?? throw new InvalidOperationException("The fake's endpoint is not known yet.");
        var job = new FakeImportJob
        {
            JobId = jobId,
            JobName = jobName,
            UserPoolId = pool.Id,
            CloudWatchLogsRoleArn = role,
            UploadToken = token,
            UploadExpires = _time.GetUtcNow() + _uploadValidity,
            PreSignedUrl = new Uri(endpoint, $"{UploadPathPrefix}{jobId}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=900"
                + $"&X-Amz-SignedHeaders=host%3Bx-amz-server-side-encryption&X-Amz-Signature={token}").ToString(),
            CreatedAt = Now(),
        };
        _jobs.Add(jobId, job);
        return new JsonObject { ["UserImportJob"] = job.Describe() };
    }

    private JsonObject StartUserImportJob(JsonObject request)
    {
        var pool = Pool(request);
        var job = Job(pool, RequestFields.Required(request, "JobId"));
        if (job.Status != "Created")
        {
            throw CognitoFault.InvalidParameter($"Import job {job.JobId} is {job.Status}; only a Created job can start.");
        }

        if (_jobs.Values.Any(j => j.IsActive))
        {
            throw new CognitoFault("LimitExceededException", "Only one import job can be active at a time in an account.");
        }

        job.StartedAt = Now();
        job.Outcome = ImportCsv.Run(pool, job.File, job.StartedAt.Value);
        job.PollsBeforeCompletion = _options.ImportJobPollsBeforeCompletion;
        job.Status = "Pending";
        if (job.PollsBeforeCompletion == 0)
        {
            Complete(job);
        }

        return new JsonObject { ["UserImportJob"] = job.Describe() };
    }

    private JsonObject DescribeUserImportJob(JsonObject request)
    {
        var pool = Pool(request);
        var job = Job(pool, RequestFields.Required(request, "JobId"));
        if (job.IsActive)
        {
            if (job.PollsBeforeCompletion > 0)
            {
                job.PollsBeforeCompletion--;
                job.Status = "InProgress";
            }
            else
            {
                Complete(job);
            }
        }

        return new JsonObject { ["UserImportJob"] = job.Describe() };
    }

    /// <summary>The per-line result of a job (what Cognito writes to CloudWatch Logs).</summary>
    public IReadOnlyList<FakeImportLine> ImportLog(string jobId)
    {
        lock (_gate)
        {
            return _jobs.TryGetValue(jobId, out var job) ? job.Outcome?.Lines.ToList() ?? [] : [];
        }
    }

    /// <summary>
    /// Handles a PUT to a job's upload URL like S3 would for a pre-signed URL: the signature
    /// query value must match, the URL must not have expired, and the signed
    /// <c>x-amz-server-side-encryption</c> header must be <c>aws:kms</c>.
    /// </summary>
    public (int StatusCode, string? ErrorCode, string Message) AcceptUpload(string jobId, string? signature, string? serverSideEncryption, byte[] body)
    {
        lock (_gate)
        {
            if (!_jobs.TryGetValue(jobId, out var job))
            {
                return (404, "NoSuchKey", "The specified key does not exist.");
            }

            if (signature != job.UploadToken)
            {
                return (403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
            }

            if (_time.GetUtcNow() > job.UploadExpires)
            {
                return (403, "AccessDenied", "Request has expired");
            }

            if (serverSideEncryption != "aws:kms")
            {
                // The header is part of the signed headers, so S3 reports a signature mismatch.
                return (403, "SignatureDoesNotMatch", "The request signature we calculated does not match: header x-amz-server-side-encryption must be aws:kms.");
            }

            if (body.LongLength > MaxImportFileBytes)
            {
                return (400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size (100 MB for a user import file).");
            }

            job.File = body;
            return (200, null, string.Empty);
        }
    }

    private void Complete(FakeImportJob job)
    {
        job.Status = job.Outcome is { Failed: true } ? "Failed" : "Succeeded";
        job.CompletedAt = Now();
    }

    private FakeImportJob Job(FakeUserPool pool, string jobId) =>
        _jobs.TryGetValue(jobId, out var job) && job.UserPoolId == pool.Id
            ? job
            : throw new CognitoFault("ResourceNotFoundException", $"Import job {jobId} does not exist in user pool {pool.Id}.");
}
