using System.CommandLine;
using Trigger.Cli.Clients;
using Trigger.Cli.Hosting;
using Trigger.Cli.Options;
using Trigger.Cli.Output;

namespace Trigger.Cli.Commands.Export;

/// <summary><c>export</c>: a snapshot of the old pool for backup, disaster recovery and the sweep.</summary>
internal static class ExportCommand
{
    private const string Description =
        "Write the old pool to a JSON Lines snapshot: every attribute, status, enabled flag, MFA settings and dates; paced and resumable.";

    public static Command Create(CommonOptions options, CliHost host)
    {
        var file = new Option<string>("--file")
        {
            Description = "The snapshot to write (JSON Lines). It appears only once complete; an interrupted export resumes from <file>.checkpoint.",
            HelpName = "path",
            Required = true,
        };
        var rate = new Option<double>("--rate")
        {
            Description = "ListUsers pages (of 60 users) per second; UserList allows 30 per second for the whole account and region.",
            DefaultValueFactory = _ => 5,
            HelpName = "pages/s",
        };
        var mfa = new Option<bool>("--mfa-details") { Description = "Also read each user's MFA preferences with AdminGetUser (one UserRead call per user; counts as a monthly active user)." };
        var readRate = new Option<double>("--read-rate")
        {
            Description = "AdminGetUser calls per second with --mfa-details.",
            DefaultValueFactory = _ => 20,
            HelpName = "calls/s",
        };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the file if it exists." };
        var noGroups = new Option<bool>("--no-groups")
        {
            Description = "Do not record each user's groups (by default ListGroups, then ListUsersInGroup for each group, paced with --rate: UserList).",
        };

        var command = new Command("export", Description).WithNotes(
            "0 the snapshot is complete; 1 a call or the disk failed (run again to resume); 2 bad usage.",
            "cognito-migrate export --old-pool-id eu-west-1_Old123 --file old-pool.jsonl",
            "cognito-migrate export --old-pool-id eu-west-1_Old123 --old-role-arn arn:aws:iam::111122223333:role/OldPoolRead --file old-pool.jsonl --mfa-details");
        options.AddOldPool(command);
        command.Options.Add(file);
        command.Options.Add(rate);
        command.Options.Add(mfa);
        command.Options.Add(readRate);
        command.Options.Add(overwrite);
        command.Options.Add(noGroups);
        options.AddShared(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var factory = new CognitoClientFactory(host, options.ReadProfile(parse), CognitoClientFactory.BatchResilience);
            var pool = factory.Connect(options.ReadOldPool(parse));
            var export = new ExportOptions
            {
                OldUserPoolId = pool.PoolId,
                OutputPath = parse.GetRequiredValue(file),
                PagesPerSecond = parse.GetValue(rate),
                MfaDetails = parse.GetValue(mfa),
                ReadsPerSecond = parse.GetValue(readRate),
                Overwrite = parse.GetValue(overwrite),
                Groups = !parse.GetValue(noGroups),
                Region = pool.Region,
                Format = options.ReadOutput(parse),
                InteractiveProgress = host.ErrorIsTerminal,
            };
            return await ExportRunner.RunAsync(export, pool.Client, host.Out, host.Error, host.TimeProvider, cancellationToken);
        });
        return command;
    }
}
