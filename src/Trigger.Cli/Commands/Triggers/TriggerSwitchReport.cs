using System.Text.Json.Nodes;

namespace Trigger.Cli.Commands.Triggers;

/// <summary>What <c>enable</c>/<c>disable</c> did (or would do), as <c>--output json</c> prints it.</summary>
/// <param name="Action">enable or disable.</param>
/// <param name="UserPoolId">The pool.</param>
/// <param name="PoolName">Its name.</param>
/// <param name="DryRun">True when nothing was sent.</param>
/// <param name="Applied">True when UpdateUserPool was called and the result verified.</param>
/// <param name="Changes">The settings that change: the triggers only.</param>
/// <param name="Unchanged">The settings written back as they are.</param>
/// <param name="Omitted">Settings left out of the request on purpose, with the reason.</param>
/// <param name="Request">The exact UpdateUserPool request (dry run only).</param>
internal sealed record TriggerSwitchReport(
    string Action,
    string UserPoolId,
    string? PoolName,
    bool DryRun,
    bool Applied,
    IReadOnlyList<SettingChange> Changes,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<OmittedSetting> Omitted,
    JsonObject? Request);

/// <summary>A setting the request leaves out on purpose.</summary>
/// <param name="Setting">Its dotted path.</param>
/// <param name="Reason">Why leaving it out changes nothing.</param>
internal sealed record OmittedSetting(string Setting, string Reason);
