using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Trigger.Aws.Cognito;
using Trigger.Cli.Clients;
using Trigger.Cli.Exits;
using Trigger.Cli.Hosting;
using Trigger.Cli.Options;
using Trigger.Cli.Output;

namespace Trigger.Cli.Commands.Triggers;

/// <summary>
/// Attaches or detaches triggers on an existing pool without touching anything else. UpdateUserPool
/// resets every setting it is not given (Cognito API reference, UpdateUserPool), so the request is
/// built from DescribeUserPool with <see cref="UpdateUserPoolRequest.FromDescribedUserPool"/>, compared
/// with the pool as described, and refused when anything but the triggers would differ. Just before the
/// update the pool is described again and the update refused if any setting moved meanwhile (it would be
/// put back); Cognito offers no conditional update, so this narrows the window to one round trip. After
/// the update the pool is described again and compared with its state before.
/// </summary>
internal static class TriggerSwitch
{
    // DescribeUserPool members that UpdateUserPool does not take: an update cannot reset them.
    private static readonly FrozenSet<string> _readOnlyMembers = FrozenSet.ToFrozenSet(
        [
            "Id", "Name", "Arn", "Status", "CreationDate", "LastModifiedDate", "SchemaAttributes", "AliasAttributes",
            "UsernameAttributes", "UsernameConfiguration", "EstimatedNumberOfUsers", "Domain", "CustomDomain",
            "SmsConfigurationFailure", "EmailConfigurationFailure",
        ],
        StringComparer.Ordinal);

    // Members that change on their own between two reads; not evidence of what the update did.
    private static readonly FrozenSet<string> _volatileMembers = FrozenSet.ToFrozenSet(
        ["LastModifiedDate", "EstimatedNumberOfUsers"], StringComparer.Ordinal);

    /// <summary>The trigger that adds a migrated user's old groups before the first tokens are issued.</summary>
    public const string GroupsTrigger = "PostAuthentication";

    /// <summary>The trigger that puts those groups into the first tokens (Cognito does not promise PostAuthentication's changes reach them).</summary>
    public const string TokenGroupsTrigger = "PreTokenGeneration";

    /// <summary>
    /// The Pre token generation event version for a pool on <paramref name="featurePlan"/> (DescribeUserPool's
    /// UserPoolTier): V2_0, which customises the access token too, on Essentials and Plus; V1_0 (ID token) otherwise.
    /// </summary>
    public static string TokenGenerationVersionFor(string? featurePlan) => featurePlan is "ESSENTIALS" or "PLUS" ? "V2_0" : "V1_0";

    // The one member FromDescribedUserPool leaves out on purpose (see UpdateUserPoolRequest).
    private const string SupersededSetting = "AdminCreateUserConfig.UnusedAccountValidityDays";

    public static async Task<int> RunAsync(TriggerSwitchArguments arguments, CliHost host, CancellationToken cancellationToken)
    {
        var pool = new CognitoClientFactory(host, arguments.Profile).Connect(arguments.NewPool);
        var described = await pool.DescribeAsync(cancellationToken);
        var before = ToObject(described.RawUserPool);
        var poolName = described.UserPool!.Name;

        var request = UpdateUserPoolRequest.FromDescribedUserPool(described.RawUserPool);
        arguments = LeaveForeignGuard(arguments, request, host.Error);
        var body = ToObject(request.ToJson());
        RefuseUnknownMembers(before, body, pool.PoolId);
        RefuseForeignTriggers(arguments, request, pool.PoolId);

        foreach (var trigger in arguments.Triggers)
        {
            if (trigger == TokenGroupsTrigger)
            {
                request.SetPreTokenGeneration(arguments.Attach ? arguments.FunctionArn : null, TokenGenerationVersionFor(described.UserPool.UserPoolTier));
            }
            else
            {
                request.SetLambdaTrigger(trigger, arguments.Attach ? arguments.FunctionArn : null);
            }
        }

        var after = ToObject(request.ToJson());
        var (changes, omitted) = Classify(arguments, SettingsOf(before), SettingsOf(after), pool.PoolId);
        var unchanged = Unchanged(after, changes);

        var applied = false;
        if (changes.Count > 0 && !arguments.DryRun)
        {
            // The update writes back every setting as first read: one changed by someone else since would be reverted.
            // Cognito has no conditional update, so read again as late as possible and refuse on any difference.
            var recheck = ToObject((await pool.DescribeAsync(cancellationToken)).RawUserPool);
            if (SettingsDiff.Compare(SettingsOf(before), SettingsOf(recheck)) is { Count: > 0 } drift)
            {
                throw new CliFailure(
                    $"Refusing to {arguments.Action}: pool {pool.PoolId} changed since it was read ({Describe(drift)}), and the update would put those settings back. "
                    + "Nothing was changed; run the command again.");
            }

            await pool.UpdateAsync(request, cancellationToken);
            var reread = await pool.DescribeAsync(cancellationToken);
            Verify(before, ToObject(reread.RawUserPool), changes, pool.PoolId);
            applied = true;
        }

        var report = new TriggerSwitchReport(
            arguments.Action, pool.PoolId, poolName, arguments.DryRun, applied, changes, unchanged, omitted, arguments.DryRun ? after : null);
        if (arguments.Output == OutputFormat.Json)
        {
            JsonOutput.Write(host.Out, report, TriggerJsonContext.Default.TriggerSwitchReport);
        }
        else
        {
            Render(Terminal.For(host.Out, host.OutIsTerminal), host.Out, report, arguments);
        }

        return ExitCodes.Success;
    }

    // disable: a PreSignUp (the guard) or PostAuthentication (the groups step) trigger is detached only when
    // it is the migration function's. Which function that is comes from --function-arn, else the UserMigration
    // trigger; with neither (the trigger already detached, a second disable) nothing shows it is ours, and it
    // may be the app's own: it stays.
    private static TriggerSwitchArguments LeaveForeignGuard(TriggerSwitchArguments arguments, UpdateUserPoolRequest request, TextWriter messages)
    {
        foreach (var (step, role) in new[] { ("PreSignUp", "the guard"), (GroupsTrigger, "the groups step"), (TokenGroupsTrigger, "the groups' token step") })
        {
            var ours = arguments.FunctionArn ?? request.GetLambdaTrigger("UserMigration");
            var current = Current(request, step);
            if (arguments.Attach || current is null || FunctionArns.SameFunction(current, ours) || !arguments.Triggers.Contains(step))
            {
                continue;
            }

            messages.WriteLine(ours is null
                ? $"Note: the {step} trigger is attached to {current}, and no migration function is attached or named (--function-arn) to show it is {role}: it stays attached."
                : $"Note: the {step} trigger is attached to {current}, not to the migration function {ours}: it is not {role}, and stays attached.");
            arguments = arguments with { Triggers = [.. arguments.Triggers.Where(t => t != step)] };
        }

        return arguments;
    }

    // The function a trigger is attached to; Pre token generation may be named by its versioned config only.
    private static string? Current(UpdateUserPoolRequest request, string trigger) =>
        trigger == TokenGroupsTrigger ? request.GetPreTokenGeneration() : request.GetLambdaTrigger(trigger);

    private static void RefuseUnknownMembers(JsonObject described, JsonObject request, string poolId)
    {
        var unknown = described
            .Where(p => p.Value is not null && !_readOnlyMembers.Contains(p.Key) && !request.ContainsKey(p.Key))
            .Select(p => p.Key)
            .ToList();
        if (unknown.Count > 0)
        {
            throw new CliFailure(
                $"Refusing to update pool {poolId}: DescribeUserPool returned settings this tool does not know ({string.Join(", ", unknown)}), "
                + "and UpdateUserPool would reset them to their defaults. Nothing was changed.");
        }
    }

    private static void RefuseForeignTriggers(TriggerSwitchArguments arguments, UpdateUserPoolRequest request, string poolId)
    {
        foreach (var trigger in arguments.Triggers)
        {
            var current = Current(request, trigger);
            if (current is null || arguments.FunctionArn is null || string.Equals(current, arguments.FunctionArn, StringComparison.Ordinal))
            {
                continue;
            }

            if (arguments.Attach && !arguments.Replace)
            {
                throw new CliFailure(
                    $"Refusing to enable: the {trigger} trigger of pool {poolId} is attached to another function ({current}). "
                    + (trigger is GroupsTrigger or TokenGroupsTrigger
                        ? "Pass --no-groups to leave it (and the groups) alone, or --replace to attach the migration function instead. Nothing was changed."
                        : "Pass --replace to attach the new one instead. Nothing was changed."));
            }

            if (!arguments.Attach)
            {
                throw new CliFailure(
                    $"Refusing to disable: the {trigger} trigger of pool {poolId} is attached to {current}, not to {arguments.FunctionArn}. Nothing was changed.");
            }
        }
    }

    private static (IReadOnlyList<SettingChange> Changes, IReadOnlyList<OmittedSetting> Omitted) Classify(
        TriggerSwitchArguments arguments, JsonObject before, JsonObject after, string poolId)
    {
        var changes = new List<SettingChange>();
        var omitted = new List<OmittedSetting>();
        var unexpected = new List<SettingChange>();
        var triggerSettings = arguments.Triggers.Select(t => "LambdaConfig." + t).ToHashSet(StringComparer.Ordinal);
        if (arguments.Triggers.Contains(TokenGroupsTrigger))
        {
            triggerSettings.UnionWith(["LambdaConfig.PreTokenGenerationConfig.LambdaArn", "LambdaConfig.PreTokenGenerationConfig.LambdaVersion"]);
        }
        foreach (var change in SettingsDiff.Compare(before, after))
        {
            if (triggerSettings.Contains(change.Setting))
            {
                changes.Add(change);
            }
            else if (IsSupersededOmission(change))
            {
                omitted.Add(new OmittedSetting(
                    change.Setting,
                    "no longer in use while Policies.PasswordPolicy.TemporaryPasswordValidityDays is set, and Cognito refuses the two together; Cognito resets it to its default (7)."));
            }
            else
            {
                unexpected.Add(change);
            }
        }

        if (unexpected.Count > 0)
        {
            throw new CliFailure(
                $"Refusing to {arguments.Action}: besides the trigger, the update of pool {poolId} would change {Describe(unexpected)}. Nothing was changed.");
        }

        return (changes, omitted);
    }

    private static void Verify(JsonObject before, JsonObject after, IReadOnlyList<SettingChange> intended, string poolId)
    {
        foreach (var name in _volatileMembers)
        {
            before.Remove(name);
            after.Remove(name);
        }

        var actual = SettingsDiff.Compare(before, after);
        var expected = intended.ToDictionary(c => c.Setting, StringComparer.Ordinal);
        var surprises = actual
            .Where(c => !expected.TryGetValue(c.Setting, out var e) || !JsonNode.DeepEquals(e.After, c.After))
            .Where(c => !IsSupersededOmission(c))
            .ToList();
        var missing = intended.Where(e => !actual.Any(c => c.Setting == e.Setting)).ToList();
        if (surprises.Count > 0 || missing.Count > 0)
        {
            var problems = new List<string>();
            if (surprises.Count > 0)
            {
                problems.Add($"DescribeUserPool now shows {Describe(surprises)}");
            }

            if (missing.Count > 0)
            {
                problems.Add($"{string.Join(", ", missing.Select(m => m.Setting))} did not change");
            }

            // Each surprise carries its value before, which is what an operator needs to put it back.
            throw new CliFailure($"UpdateUserPool was sent to pool {poolId}, but {string.Join("; and ", problems)}. Restore those settings by hand.");
        }
    }

    // Top-level settings the request writes back as they are; in a changed object (LambdaConfig), its kept members.
    private static List<string> Unchanged(JsonObject request, IReadOnlyList<SettingChange> changes)
    {
        var unchanged = new List<string>();
        foreach (var (name, value) in request)
        {
            if (name == "UserPoolId")
            {
                continue;
            }

            var touched = changes.Where(c => c.Setting.StartsWith(name + ".", StringComparison.Ordinal) || c.Setting == name).ToList();
            if (touched.Count == 0)
            {
                unchanged.Add(name);
            }
            else if (value is JsonObject members)
            {
                unchanged.AddRange(members.Select(m => $"{name}.{m.Key}").Where(path => touched.All(c => c.Setting != path)));
            }
        }

        return unchanged;
    }

    // The legacy member FromDescribedUserPool leaves out on purpose (AdminCreateUserConfigType: "no longer in use").
    private static bool IsSupersededOmission(SettingChange change) => change.Setting == SupersededSetting && change.After is null;

    private static string Describe(IEnumerable<SettingChange> changes) =>
        string.Join("; ", changes.Select(c => $"{c.Setting} ({Show(c.Before)} -> {Show(c.After)})"));

    private static string Show(JsonNode? value) => value switch
    {
        null => "not set",
        JsonValue text when text.GetValueKind() == JsonValueKind.String => text.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    private static void Render(IAnsiConsole console, TextWriter writer, TriggerSwitchReport report, TriggerSwitchArguments arguments)
    {
        var pool = report.PoolName is { Length: > 0 } name ? $"{report.UserPoolId} ({name})" : report.UserPoolId;
        if (report.Changes.Count == 0)
        {
            var state = arguments.Attach ? $"attached to {arguments.FunctionArn}" : "detached";
            writer.WriteLine($"{string.Join(" and ", arguments.Triggers)} already {state} on {pool}: nothing to change.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"{report.Action} on {pool}");
        table.AddColumn("Setting");
        table.AddColumn("Before");
        table.AddColumn("After");
        foreach (var change in report.Changes)
        {
            table.AddRow(new Text(change.Setting), new Text(Show(change.Before)), new Text(Show(change.After)));
        }

        console.Write(table);
        writer.WriteLine($"Written back unchanged ({report.Unchanged.Count}): {string.Join(", ", report.Unchanged)}.");
        foreach (var omitted in report.Omitted)
        {
            writer.WriteLine($"Left out: {omitted.Setting}, {omitted.Reason}");
        }

        writer.WriteLine(report.Applied
            ? "Done: DescribeUserPool shows the change above and every other setting as it was."
            : "Dry run: nothing was changed. Run again without --dry-run to apply; --output json shows the exact request.");
    }

    private static JsonObject SettingsOf(JsonObject pool)
    {
        // Compare like with like: the pool's settings under the names UpdateUserPool takes.
        var settings = new JsonObject();
        foreach (var (name, value) in pool)
        {
            if (name is "UserPoolId")
            {
                continue;
            }

            if (name is "Name" or "PoolName")
            {
                settings["PoolName"] = value?.DeepClone();
            }
            else if (!_readOnlyMembers.Contains(name))
            {
                settings[name] = value?.DeepClone();
            }
        }

        return settings;
    }

    private static JsonObject ToObject(JsonElement element) =>
        JsonNode.Parse(element.GetRawText()) as JsonObject ?? throw new CliFailure("DescribeUserPool answered a pool that is not a JSON object.");

    private static JsonObject ToObject(string json) =>
        JsonNode.Parse(json) as JsonObject ?? throw new InvalidOperationException("UpdateUserPoolRequest.ToJson did not produce an object.");
}
