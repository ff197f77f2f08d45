using System.CommandLine;
using System.CommandLine.Parsing;

namespace Trigger.Cli.Options;

/// <summary>
/// The options every command shares: the two pools (id, region, endpoint, role for the old one),
/// <c>--profile</c> and <c>--output</c>. One instance per root command; a command adds the groups it
/// needs with <see cref="AddOldPool"/>, <see cref="AddNewPool"/> and <see cref="AddShared"/>, then
/// reads them back with <see cref="ReadOldPool"/>, <see cref="ReadNewPool"/>, <see cref="ReadOutput"/>.
/// Values are checked while parsing, so a malformed one ends the run with exit code 2 before any call.
/// </summary>
internal sealed class CommonOptions
{
    public CommonOptions()
    {
        OldPoolId = PoolIdOption("--old-pool-id", "The old pool, the one users come from (e.g. eu-west-1_AbCdEf123).");
        NewPoolId = PoolIdOption("--new-pool-id", "The new pool, the one users move to and the trigger lives on.");
        OldRegion = RegionOption("--old-region", "old");
        NewRegion = RegionOption("--new-region", "new");
        OldEndpointUrl = EndpointOption("--old-endpoint-url", "old");
        NewEndpointUrl = EndpointOption("--new-endpoint-url", "new");

        OldRoleArn = new Option<string>("--old-role-arn")
        {
            Description = "A role to assume for the old pool when it lives in another account.",
            HelpName = "arn",
        };
        OldRoleArn.Validators.Add(result => Check(result, InputRules.IsRoleArn, "is not an IAM role ARN like arn:aws:iam::123456789012:role/name"));

        ExternalId = new Option<string>("--external-id")
        {
            Description = "The external id the old pool's role asks for (with --old-role-arn).",
            HelpName = "id",
        };
        // Not echoed: an external id is meant to be hard to guess.
        ExternalId.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && !InputRules.IsExternalId(value))
            {
                result.AddError("--external-id must be 2 to 1224 letters, digits or +=,.@:/- characters.");
            }
        });

        Profile = new Option<string>("--profile")
        {
            Description = "A named profile from ~/.aws/credentials or ~/.aws/config; default: the standard AWS credential chain.",
            HelpName = "name",
        };

        Output = new Option<string>("--output")
        {
            Description = "text (tables) or json (one document on stdout).",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json",
        };
        AcceptOnly(Output, "text", "json");
    }

    public Option<string> OldPoolId { get; }

    public Option<string> NewPoolId { get; }

    public Option<string> OldRegion { get; }

    public Option<string> NewRegion { get; }

    public Option<string> OldEndpointUrl { get; }

    public Option<string> NewEndpointUrl { get; }

    public Option<string> OldRoleArn { get; }

    public Option<string> ExternalId { get; }

    public Option<string> Profile { get; }

    public Option<string> Output { get; }

    /// <summary>Adds <c>--old-pool-id</c> (required unless <paramref name="required"/> is false), <c>--old-region</c>, <c>--old-endpoint-url</c>, <c>--old-role-arn</c>, <c>--external-id</c>.</summary>
    public void AddOldPool(Command command, bool required = true)
    {
        command.Options.Add(OldPoolId);
        command.Options.Add(OldRegion);
        command.Options.Add(OldEndpointUrl);
        command.Options.Add(OldRoleArn);
        command.Options.Add(ExternalId);
        command.Validators.Add(result =>
        {
            if (required)
            {
                RequireOption(result, OldPoolId);
            }

            if (result.GetResult(ExternalId) is not null && result.GetResult(OldRoleArn) is null)
            {
                result.AddError("--external-id needs --old-role-arn: the external id belongs to the role assumed for the old pool.");
            }
        });
    }

    /// <summary>Adds <c>--new-pool-id</c> (required), <c>--new-region</c>, <c>--new-endpoint-url</c>.</summary>
    public void AddNewPool(Command command)
    {
        command.Options.Add(NewPoolId);
        command.Options.Add(NewRegion);
        command.Options.Add(NewEndpointUrl);
        command.Validators.Add(result => RequireOption(result, NewPoolId));
    }

    /// <summary>Adds <c>--profile</c> and <c>--output</c>.</summary>
    public void AddShared(Command command)
    {
        command.Options.Add(Profile);
        command.Options.Add(Output);
    }

    /// <summary>
    /// Adds the old pool's options (required) when <paramref name="oldPool"/>, the new pool's when <paramref name="newPool"/>,
    /// then the command's <paramref name="own"/>, then <c>--profile</c> and <c>--output</c>: the order help lists them in.
    /// </summary>
    public void AddAll(Command command, bool oldPool, bool newPool, params Option[] own)
    {
        if (oldPool)
        {
            AddOldPool(command);
        }

        if (newPool)
        {
            AddNewPool(command);
        }

        foreach (var option in own)
        {
            command.Options.Add(option);
        }

        AddShared(command);
    }

    /// <summary>The old pool as given; null when <c>--old-pool-id</c> is optional and absent.</summary>
    public PoolTarget? ReadOptionalOldPool(ParseResult parse) => parse.GetValue(OldPoolId) is null ? null : ReadOldPool(parse);

    public PoolTarget ReadOldPool(ParseResult parse) => ReadOldPoolNamed(parse, parse.GetRequiredValue(OldPoolId));

    /// <summary>The old pool <paramref name="poolId"/> (named elsewhere, e.g. by a snapshot) with the other old-pool options as given.</summary>
    public PoolTarget ReadOldPoolNamed(ParseResult parse, string poolId) => new(
        PoolSide.Old,
        poolId,
        parse.GetValue(OldRegion),
        Endpoint(parse.GetValue(OldEndpointUrl)),
        parse.GetValue(OldRoleArn),
        parse.GetValue(ExternalId));

    public PoolTarget ReadNewPool(ParseResult parse) => new(
        PoolSide.New,
        parse.GetRequiredValue(NewPoolId),
        parse.GetValue(NewRegion),
        Endpoint(parse.GetValue(NewEndpointUrl)));

    public OutputFormat ReadOutput(ParseResult parse) =>
        parse.GetValue(Output) == "json" ? OutputFormat.Json : OutputFormat.Text;

    public string? ReadProfile(ParseResult parse) => parse.GetValue(Profile);

    private static Option<string> PoolIdOption(string name, string description)
    {
        var option = new Option<string>(name) { Description = description, HelpName = "id" };
        option.Validators.Add(result => Check(result, InputRules.IsPoolId, "is not a user pool id (<region>_<id>, e.g. eu-west-1_AbCdEf123)"));
        return option;
    }

    private static Option<string> RegionOption(string name, string side)
    {
        var option = new Option<string>(name)
        {
            Description = $"The {side} pool's region; default: the prefix of its pool id (then the profile's region, then AWS_REGION).",
            HelpName = "region",
        };
        option.Validators.Add(result => Check(result, InputRules.IsRegion, "is not a region name like eu-west-1"));
        return option;
    }

    private static Option<string> EndpointOption(string name, string side)
    {
        var option = new Option<string>(name)
        {
            Description = $"Send the {side} pool's calls here instead of the regional endpoint (e.g. a local emulator, http://127.0.0.1:9229).",
            HelpName = "url",
        };
        option.Validators.Add(result => Check(result, value => InputRules.IsEndpoint(value, out _), "is not an absolute http(s) URL"));
        return option;
    }

    /// <summary>
    /// Restricts <paramref name="option"/> to <paramref name="values"/> with an error that names the option
    /// (the parser's own message names only the value).
    /// </summary>
    public static void AcceptOnly(Option<string> option, params string[] values)
    {
        option.CompletionSources.Add(values);
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && !values.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"{option.Name} '{value}' is not one of {string.Join(", ", values)}.");
            }
        });
    }

    private static void Check(OptionResult result, Func<string, bool> isValid, string problem)
    {
        if (result.GetValueOrDefault<string>() is { } value && !isValid(value))
        {
            result.AddError($"{result.Option.Name} '{value}' {problem}.");
        }
    }

    private static void RequireOption(CommandResult result, Option option)
    {
        if (result.GetResult(option) is null)
        {
            result.AddError($"Option '{option.Name}' is required.");
        }
    }

    private static Uri? Endpoint(string? value) => value is not null && InputRules.IsEndpoint(value, out var endpoint) ? endpoint : null;
}
