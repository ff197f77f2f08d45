using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Trigger.Aws.Cognito;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// Imports the CSV files one job at a time (one active import job per account): CreateUserImportJob,
/// PUT the file to the pre-signed URL with <c>x-amz-server-side-encryption: aws:kms</c>, StartUserImportJob,
/// then DescribeUserImportJob every poll interval until the job ends. Each step is checkpointed; a resume
/// polls a started job, and replaces a job that was created but not started (its URL lasts 15 minutes).
/// The pre-signed URL is a bearer credential: it is never printed or stored.
/// </summary>
internal sealed partial class ImportJobFlow(
    ICognitoIdentityProvider newPool,
    string userPoolId,
    string cloudWatchLogsRoleArn,
    HttpClient upload,
    TimeProvider time,
    TimeSpan pollInterval,
    TextWriter messages)
{
    public async Task<SweepCheckpoint> RunAsync(SweepCheckpoint checkpoint, Func<SweepCheckpoint, Task> save, CancellationToken cancellationToken)
    {
        for (var index = 0; index < checkpoint.Parts.Count; index++)
        {
            var part = checkpoint.Parts[index];
            if (part.IsJobFinished)
            {
                continue;
            }

            async Task Save(ImportPart changed)
            {
                part = changed;
                var parts = new List<ImportPart>(checkpoint.Parts) { [index] = changed };
                checkpoint = checkpoint with { Parts = parts };
                await save(checkpoint);
            }

            if (part.JobStatus is not ("Pending" or "InProgress" or "Stopping"))
            {
                var created = await newPool.CreateUserImportJobAsync(
                    new CreateUserImportJobRequest
                    {
                        UserPoolId = userPoolId,
                        JobName = string.Create(CultureInfo.InvariantCulture, $"sweep-{userPoolId}-{part.Number:0000}-{time.GetUtcNow():yyyyMMddHHmmss}"),
                        CloudWatchLogsRoleArn = cloudWatchLogsRoleArn,
                    },
                    cancellationToken);
                var job = created.UserImportJob ?? throw new InvalidOperationException("CreateUserImportJob returned no job.");
                await Save(part with { JobId = job.JobId, JobStatus = "Created" });
                await UploadAsync(part, job.PreSignedUrl ?? throw new InvalidOperationException("CreateUserImportJob returned no upload URL."), cancellationToken);
                await Save(part with { JobStatus = "Uploaded" });
                var started = await newPool.StartUserImportJobAsync(new StartUserImportJobRequest { UserPoolId = userPoolId, JobId = part.JobId! }, cancellationToken);
                await Save(part with { JobStatus = started.UserImportJob?.Status ?? "Pending" });
                await messages.WriteLineAsync($"sweep: import job {part.JobId} started for {Path.GetFileName(part.File)} ({part.Rows:N0} rows).");
            }

            while (!part.IsJobFinished)
            {
                await Task.Delay(pollInterval, time, cancellationToken);
                var described = await newPool.DescribeUserImportJobAsync(new DescribeUserImportJobRequest { UserPoolId = userPoolId, JobId = part.JobId! }, cancellationToken);
                var job = described.UserImportJob ?? throw new InvalidOperationException("DescribeUserImportJob returned no job.");
                var changed = part with
                {
                    JobStatus = job.Status,
                    Imported = job.ImportedUsers,
                    Skipped = job.SkippedUsers,
                    Failed = job.FailedUsers,
                    CompletionMessage = job.CompletionMessage,
                };
                if (changed != part)
                {
                    await Save(changed);
                }
            }

            await messages.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"sweep: import job {part.JobId} {part.JobStatus}: imported {part.Imported:N0}, skipped {part.Skipped:N0}, failed {part.Failed:N0}."));
        }

        return checkpoint;
    }

    private async Task UploadAsync(ImportPart part, string preSignedUrl, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(part.File, FileMode.Open, FileAccess.Read, FileShare.Read, 256 * 1024, useAsync: true);
        using var request = new HttpRequestMessage(HttpMethod.Put, preSignedUrl) { Content = new StreamContent(file) };
        request.Content.Headers.ContentLength = file.Length;
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        request.Headers.TryAddWithoutValidation("x-amz-server-side-encryption", "aws:kms");
        using var response = await upload.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var code = S3ErrorCode().Match(body) is { Success: true } match ? match.Groups[1].Value : "no error code";
            throw new HttpRequestException(string.Create(
                CultureInfo.InvariantCulture,
                $"the upload of {Path.GetFileName(part.File)} to import job {part.JobId} was refused: HTTP {(int)response.StatusCode} ({code})"));
        }
    }

    [GeneratedRegex("<Code>([^<]{1,100})</Code>", RegexOptions.CultureInvariant)]
    private static partial Regex S3ErrorCode();
}
