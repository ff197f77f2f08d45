using System.CommandLine;
using System.CommandLine.Parsing;
using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Cli.Clients;
using Trigger.Cli.Exits;
using Trigger.Cli.Hosting;
using Trigger.Cli.Options;
using Trigger.Cli.Output;

namespace Trigger.Cli.Commands.Groups;

/// <summary>
/// <c>groups</c>: creates in the new pool every group of the old pool it lacks, with the same name,
/// description and precedence, and its IAM role mapped through <c>--role-map</c>. Groups already there are
/// left alone (a second run changes nothing); a group whose role has no mapping stops the command before
/// anything is created, since a role of another account cannot be reused as is.
/// </summary>
internal static class GroupsCommand
{
    private const string Description =
        "Copy the old pool's group definitions (name, description, precedence, IAM role through --role-map) into the new pool. "
        + "Creates only what is missing; run it again at any time.";

    public static Command Create(CommonOptions options, CliHost host)
    {
        var roleMap = RoleMapOption();
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be created; change nothing." };
        var members = new Option<bool>("--members")
        {
            Description = "Also add users already in the new pool to the groups they belong to in the old pool (after the sweep; repairs users "
                + "the trigger migrated without their groups). Safe to run again: only missing memberships are added.",
        };
        var rate = CountOption.Optional("--rate", "With --members: memberships added per second, 1 to 25 (UserResourceUpdate quota, 25/s, not adjustable, shared). Default 10.", 1, 25);

        var command = new Command("groups", Description).WithNotes(
            "0 every old group is in the new pool (or, with --dry-run, would be); 1 refused, or a call failed; 2 bad usage.",
            "cognito-migrate groups --old-pool-id eu-west-1_Old123 --new-pool-id eu-west-1_New456 --dry-run",
            "cognito-migrate groups --old-pool-id eu-west-1_Old123 --new-pool-id eu-west-1_New456 "
                + "--role-map arn:aws:iam::111111111111:role/admins=arn:aws:iam::222222222222:role/admins");
        options.AddOldPool(command);
        options.AddNewPool(command);
        command.Options.Add(roleMap);
        command.Options.Add(dryRun);
        command.Options.Add(members);
        command.Options.Add(rate);
        options.AddShared(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var factory = new CognitoClientFactory(host, options.ReadProfile(parse));
            return await RunAsync(
                factory.Connect(options.ReadOldPool(parse)),
                factory.Connect(options.ReadNewPool(parse)),
                parse.GetValue(roleMap) ?? new Dictionary<string, string>(),
                parse.GetValue(dryRun),
                parse.GetValue(members) ? parse.GetValue(rate) ?? 10 : null,
                options.ReadOutput(parse),
                host,
                cancellationToken);
        });
        return command;
    }

    /// <summary><c>--role-map old=new</c>, repeatable; shared with <c>sync</c>, whose standby groups follow the same rule.</summary>
    internal static Option<IReadOnlyDictionary<string, string>> RoleMapOption() => new("--role-map")
    {
        Description = "old=new: the role a group of the new pool gets in place of an old group's role (repeat for each role; "
            + "old=old keeps a role the new pool may use). Every old role of a group to create needs one.",
        HelpName = "old-arn=new-arn",
        CustomParser = ParseRoleMap,
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static async Task<int> RunAsync(
        PoolConnection oldPool,
        PoolConnection newPool,
        IReadOnlyDictionary<string, string> roleMap,
        bool dryRun,
        int? membersRate,
        OutputFormat output,
        CliHost host,
        CancellationToken cancellationToken)
    {
        var comparison = GroupComparison.Compare(
            await ReadAsync(oldPool, cancellationToken), await ReadAsync(newPool, cancellationToken), roleMap);
        var missing = comparison.Where(c => c.State == GroupState.Missing).ToList();

        // Refused before anything is created, so a run never leaves half the groups behind.
        var unmapped = missing.Select(c => c.Old.RoleArn).OfType<string>().Where(r => !roleMap.ContainsKey(r)).Distinct(StringComparer.Ordinal).ToList();
        if (unmapped.Count > 0)
        {
            throw new CliFailure(
                $"Refusing to create groups: {unmapped.Count} old role(s) have no --role-map entry ({string.Join(", ", unmapped)}). "
                + "A role of another account or one the new pool's identity pool does not trust cannot be reused as is: "
                + "give --role-map old=new for each (old=old to keep one). Nothing was created.");
        }

        var created = new List<GroupLine>();
        foreach (var group in missing)
        {
            if (!dryRun)
            {
                try
                {
                    await newPool.Client.CreateGroupAsync(new CreateGroupRequest
                    {
                        UserPoolId = newPool.PoolId,
                        GroupName = group.Wanted.GroupName!,
                        Description = string.IsNullOrEmpty(group.Wanted.Description) ? null : group.Wanted.Description,
                        Precedence = group.Wanted.Precedence,
                        RoleArn = group.Wanted.RoleArn,
                    }, cancellationToken);
                }
                catch (GroupExistsException)
                {
                    // Created by someone else since it was read: it is there, which is what was asked.
                }
            }

            created.Add(new GroupLine(group.Wanted.GroupName!, group.Wanted.Precedence, group.Wanted.RoleArn, []));
        }

        var memberships = membersRate is { } perSecond
            ? await MembershipCopy.RunAsync(oldPool, newPool, [.. comparison.Select(c => c.Old.GroupName!)], perSecond, dryRun, cancellationToken)
            : null;
        var report = new GroupsReport(
            oldPool.PoolId,
            newPool.PoolId,
            dryRun,
            created,
            [.. comparison.Where(c => c.State == GroupState.Same).Select(c => c.Old.GroupName!)],
            [.. comparison.Where(c => c.State == GroupState.Differs).Select(c => new GroupLine(c.Old.GroupName!, c.Wanted.Precedence, c.Wanted.RoleArn, c.Differences))])
        {
            Memberships = memberships,
        };
        if (output == OutputFormat.Json)
        {
            JsonOutput.Write(host.Out, report, GroupsJsonContext.Default.GroupsReport);
        }
        else
        {
            Render(host.Out, report);
        }

        return ExitCodes.Success;
    }

    private static async Task<IReadOnlyList<GroupType>> ReadAsync(PoolConnection pool, CancellationToken cancellationToken)
    {
        try
        {
            return await PoolGroups.ListAsync(pool, cancellationToken);
        }
        catch (ResourceNotFoundException e)
        {
            throw new CliFailure(
                $"The {pool.Target.SideName} pool {pool.PoolId} was not found in region {pool.Region} at {pool.Endpoint}: check --{pool.Target.SideName}-pool-id.", e);
        }
    }

    private static void Render(TextWriter writer, GroupsReport report)
    {
        var verb = report.DryRun ? "would create" : "created";
        foreach (var group in report.Created)
        {
            writer.WriteLine($"{verb}    {group.Name}{Details(group)}");
        }

        foreach (var name in report.Unchanged)
        {
            writer.WriteLine($"unchanged  {name}");
        }

        foreach (var group in report.Differing)
        {
            writer.WriteLine($"differs    {group.Name}: {string.Join(", ", group.Differences)} differ from the old pool's (left as they are)");
        }

        writer.WriteLine(report.Created.Count == 0
            ? $"The new pool {report.NewPoolId} has every group of {report.OldPoolId}."
            : $"{report.Created.Count} group(s) {verb} in {report.NewPoolId}.");
        if (report.Memberships is { } m)
        {
            writer.WriteLine(
                $"Memberships: {m.Added} {(report.DryRun ? "to add" : "added")}, {m.AlreadyMembers} already there, "
                + $"{m.NotInNewPool} of users not in the new pool yet, {m.NotProven} not copied (the new pool's user of that name is not shown to be the old one: check by hand), "
                + $"{m.GroupsMissing.Count} group(s) missing in the new pool"
                + (m.GroupsMissing.Count > 0 ? $" ({string.Join(", ", m.GroupsMissing)})" : "") + ".");
        }
    }

    private static string Details(GroupLine group) =>
        (group.Precedence is { } precedence ? $" (precedence {precedence})" : "") + (group.RoleArn is { } role ? $" role {role}" : "");

    private static IReadOnlyDictionary<string, string> ParseRoleMap(ArgumentResult result)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in result.Tokens)
        {
            // Role names may hold '=' and ',': the new side starts at the last "=arn:".
            var split = token.Value.LastIndexOf("=arn:", StringComparison.Ordinal);
            if (split <= 0 || !token.Value.StartsWith("arn:", StringComparison.Ordinal))
            {
                result.AddError($"--role-map '{token.Value}' is not old-role-arn=new-role-arn.");
                return map;
            }

            var (old, @new) = (token.Value[..split], token.Value[(split + 1)..]);
            if (!map.TryAdd(old, @new))
            {
                result.AddError($"--role-map names the role {old} twice.");
                return map;
            }
        }

        return map;
    }
}
