using System.CommandLine;
using Trigger.Aws;
using Trigger.Aws.Cognito;

namespace Trigger.Cli.Export;

/// <summary>The <c>export</c> command: a snapshot of the old pool for backup, disaster recovery and the sweep.</summary>
public static class ExportCommand
{
    /// <summary>Creates the command with its own options (the root command may later share the common ones).</summary>
    /// <param name="clients">Builds a client for a pool; null for the real AWS client.</param>
    /// <param name="time">The clock; null for the system clock.</param>
    /// <param name="console">The streams; null for the process's console.</param>
    public static Command Create(Func<PoolConnection, ICognitoIdentityProvider>? clients = null, TimeProvider? time = null, CommandConsole? console = null)
    {
        var poolId = new Option<string>("--old-pool-id") { Description = "The old user pool to export, e.g. eu-west-1_AbC123.", Required = true };
        var region = new Option<string?>("--old-region") { Description = "The old pool's region (default: the pool id's prefix)." };
        var endpoint = new Option<string?>("--old-endpoint-url") { Description = "The old pool's Cognito endpoint, when not the standard one (an emulator, a VPC endpoint)." };
        var file = new Option<string>("--file") { Description = "The snapshot to write (JSON Lines). It appears only once complete; an interrupted export resumes from <file>.checkpoint.", Required = true };
        var rate = new Option<double>("--rate") { Description = "ListUsers pages (of 60 users) per second; UserList allows 30 per second for the whole account and region.", DefaultValueFactory = _ => 5 };
        var mfa = new Option<bool>("--mfa-details") { Description = "Also read each user's MFA preferences with AdminGetUser (one UserRead call per user; counts as a monthly active user)." };
        var readRate = new Option<double>("--read-rate") { Description = "AdminGetUser calls per second with --mfa-details.", DefaultValueFactory = _ => 20 };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the file if it exists." };
        var format = new Option<string>("--output") { Description = "The report's format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("export", "Write the old pool to a JSON Lines snapshot: every attribute, status, enabled flag, MFA settings and dates; paced and resumable.")
        {
            poolId, region, endpoint, file, rate, mfa, readRate, overwrite, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var io = console ?? CommandConsole.System;
            var clock = time ?? TimeProvider.System;
            var connection = Connection(parse.GetValue(poolId)!, parse.GetValue(region), parse.GetValue(endpoint), "--old-endpoint-url", out var problem);
            if (problem is not null)
            {
                await io.Messages.WriteLineAsync($"export: {problem}");
                return CommandExit.Usage;
            }

            ICognitoIdentityProvider client;
            try
            {
                client = clients?.Invoke(connection!) ?? PoolClients.Create(connection!, clock);
            }
            catch (AwsConfigurationException e)
            {
                await io.Messages.WriteLineAsync($"export: {e.Message}");
                return CommandExit.Usage;
            }

            var options = new ExportOptions
            {
                OldUserPoolId = connection!.UserPoolId,
                OutputPath = parse.GetValue(file)!,
                PagesPerSecond = parse.GetValue(rate),
                MfaDetails = parse.GetValue(mfa),
                ReadsPerSecond = parse.GetValue(readRate),
                Overwrite = parse.GetValue(overwrite),
                Region = connection.ResolvedRegion,
                Format = parse.GetValue(format) == "json" ? ReportFormat.Json : ReportFormat.Text,
                InteractiveProgress = io.Interactive,
            };
            return await ExportRunner.RunAsync(options, client, io.Output, io.Messages, clock, cancellationToken);
        });
        return command;
    }

    /// <summary>A pool connection from option values; null and a problem naming the option when the endpoint is not a URL.</summary>
    internal static PoolConnection? Connection(string poolId, string? region, string? endpoint, string endpointOption, out string? problem)
    {
        problem = null;
        Uri? uri = null;
        if (!string.IsNullOrWhiteSpace(endpoint)
            && !(Uri.TryCreate(endpoint, UriKind.Absolute, out uri) && uri.Scheme is "http" or "https"))
        {
            problem = $"{endpointOption} must be an absolute http(s) URL, not '{endpoint}'.";
            return null;
        }

        return new PoolConnection(poolId.Trim(), string.IsNullOrWhiteSpace(region) ? null : region.Trim(), uri);
    }
}
