using System.Text.Json;
using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Cli.Exits;
using Trigger.Cli.Commands.Sweep;
using Trigger.Cli.Files;
using Trigger.Migration.Attributes;

namespace Trigger.Cli.Commands.Sync;

/// <summary>
/// The <c>sync</c> command's engine: one paced, resumable pass that brings a standby pool level with the live
/// primary. Creates the users the standby lacks (the sweep's creator, with its identity checks), writes changed
/// attributes, mirrors enabled/disabled, and disables (or, asked and confirmed, deletes) standby users the
/// primary no longer has. Never sets, resets or overwrites the password of a user the standby already has.
/// </summary>
internal static class SyncRunner
{
    /// <summary>Runs one pass (or resumes the one a previous run left in the work directory).</summary>
    /// <returns>0 current and no findings; 1 findings (failed or unmappable users) or stopped (run again to resume).</returns>
    /// <exception cref="CliFailure">Exit code 2 for bad usage, 1 when the pools cannot be read.</exception>
    public static Task<int> RunAsync(
        SyncOptions options,
        ICognitoIdentityProvider primary,
        ICognitoIdentityProvider standby,
        TextWriter output,
        TextWriter messages,
        TextReader input,
        TimeProvider time,
        CancellationToken cancellationToken = default) =>
        RunAsync(options, primary, standby, output, messages, input, time, DurableFiles.Instance, cancellationToken);

    internal static async Task<int> RunAsync(
        SyncOptions options,
        ICognitoIdentityProvider primary,
        ICognitoIdentityProvider standby,
        TextWriter output,
        TextWriter messages,
        TextReader input,
        TimeProvider time,
        IDurableFiles files,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(standby);
        if (options.Problem() is { } problem)
        {
            throw CliFailure.Usage(problem);
        }

        SyncSetup setup;
        try
        {
            var standbyPool = await SweepRunner.DescribeAsync(standby, options.StandbyUserPoolId, "standby", "--new-pool-id and --new-region", cancellationToken);
            var primaryPool = await SweepRunner.DescribeAsync(primary, options.PrimaryUserPoolId, "primary", "--old-pool-id and --old-region", cancellationToken);
            var schema = NewPoolSchema.From(standbyPool);
            var mapping = SweepRunner.MappingFor(options.Attributes, schema);
            var writers = await SweepRunner.LegacySubWritersAsync(standby, options.StandbyUserPoolId, mapping.LegacySubAttribute, cancellationToken);
            if (writers.Count > 0)
            {
                await messages.WriteLineAsync(
                    $"sync: warning: app clients of the standby may write {mapping.LegacySubAttribute} ({string.Join(", ", writers)}); a matching value proves nothing alone, a verified email or phone must match too.");
            }

            setup = new SyncSetup(schema, mapping, NewPoolSchema.From(primaryPool).Names.IsCaseSensitive, primaryPool.EstimatedNumberOfUsers, writers.Count == 0);
        }
        catch (AwsServiceException e)
        {
            throw new CliFailure($"cannot read the pools: {SweepErrors.Reason(e)}: {e.Message} Nothing was written.", e);
        }

        if (options.DeleteMissing && !options.DryRun && !await ConfirmDeletionAsync(options, messages, input))
        {
            throw CliFailure.Usage("--delete-missing not confirmed; nothing was written. Pass --yes to confirm without the question, or leave --delete-missing out to disable such users instead.");
        }

        WorkDirectoryLock? held = null;
        try
        {
            if (!options.DryRun)
            {
                held = WorkDirectoryLock.Acquire(options.ResolvedWorkDirectory, time);
            }

            var pass = new SyncPass(options, setup, new SyncWorkspace(options.ResolvedWorkDirectory), primary, standby, output, messages, time, files);
            return await pass.RunAsync(cancellationToken);
        }
        finally
        {
            held?.Dispose();
        }
    }

    /// <summary>Reads the last complete pass of a work directory; null when none finished there.</summary>
    public static SyncFreshness? ReadFreshness(string workDirectory)
    {
        var path = Path.Combine(workDirectory, SyncWorkspace.FreshnessFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), SweepJson.Context.SyncFreshness);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<bool> ConfirmDeletionAsync(SyncOptions options, TextWriter messages, TextReader input)
    {
        await messages.WriteLineAsync(
            $"WARNING: --delete-missing deletes from {options.StandbyUserPoolId} every user that {options.PrimaryUserPoolId} no longer has. A deleted user, and any password the trigger carried for them, cannot be brought back.");
        if (options.AssumeYes)
        {
            return true;
        }

        await messages.WriteAsync("Delete such users from the standby? [y/N] ");
        await messages.FlushAsync();
        var answer = (await input.ReadLineAsync())?.Trim();
        return answer is not null && (answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>What the sync established about the pools before its first write.</summary>
internal sealed record SyncSetup(
    NewPoolSchema StandbySchema,
    AttributeMappingOptions Mapping,
    bool PrimaryCaseSensitive,
    long? PrimaryUsersEstimate,
    bool LegacySubProves);
