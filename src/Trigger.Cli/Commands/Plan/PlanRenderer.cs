using System.Globalization;
using Spectre.Console;

namespace Trigger.Cli.Commands.Plan;

/// <summary>The plan as text: the two pools side by side, the findings with their fixes, the estimate, the function settings.</summary>
internal static class PlanRenderer
{
    public static void Render(IAnsiConsole console, TextWriter writer, PlanReport report)
    {
        var pools = new Table().Border(TableBorder.Rounded).Title("Pools");
        pools.AddColumn(string.Empty);
        pools.AddColumn("Old pool");
        pools.AddColumn("New pool");
        Row(pools, "Id", report.OldPool.Id, report.NewPool.Id);
        Row(pools, "Name", report.OldPool.Name ?? "-", report.NewPool.Name ?? "-");
        Row(pools, "Region", report.OldPool.Region, report.NewPool.Region);
        Row(pools, "Users (estimated)", Count(report.OldPool.EstimatedUsers), Count(report.NewPool.EstimatedUsers));
        Row(pools, "Sign-in", report.OldPool.SignIn, report.NewPool.SignIn);
        Row(pools, "MFA", report.OldPool.Mfa, report.NewPool.Mfa);
        Row(pools, "Password policy", report.OldPool.PasswordPolicy, report.NewPool.PasswordPolicy);
        Row(pools, "App clients", Clients(report.OldPoolClients, withExistenceErrors: false), Clients(report.NewPoolClients, withExistenceErrors: true));
        Row(pools, "UserMigration trigger", report.OldPool.UserMigrationTrigger ?? "not attached", report.NewPool.UserMigrationTrigger ?? "not attached (run enable when the plan is clean)");
        Row(pools, "PreSignUp trigger", report.OldPool.PreSignUpTrigger ?? "not attached", report.NewPool.PreSignUpTrigger ?? "not attached");
        console.Write(pools);
        writer.WriteLine();

        if (report.Findings.Count == 0)
        {
            writer.WriteLine("No findings: the two pools fit together.");
        }
        else
        {
            var findings = new Table().Border(TableBorder.Rounded).Title("Findings");
            findings.AddColumn("Severity");
            findings.AddColumn("Check");
            findings.AddColumn("Finding");
            findings.AddColumn("Fix");
            foreach (var finding in report.Findings)
            {
                var severity = finding.Severity == Severity.Blocking
                    ? new Text("BLOCKING", new Style(Color.Red, decoration: Decoration.Bold))
                    : new Text("warning", new Style(Color.Yellow));
                findings.AddRow(severity, new Text(finding.Code), new Text(finding.Message), new Text(finding.Fix));
            }

            console.Write(findings);
            writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{report.Blocking} blocking, {report.Warnings} warning{(report.Warnings == 1 ? "" : "s")}."));
        }

        foreach (var note in report.Notes)
        {
            writer.WriteLine("Note: " + note);
        }

        writer.WriteLine();
        writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Sweep estimate for {report.Sweep.Users:N0} old users at the default quotas: listing {report.Sweep.Listing} (ListUsers, {SweepEstimate.ListRequestsPerSecond}/s x {SweepEstimate.UsersPerPage}), creating all of them {report.Sweep.Creating} ({SweepEstimate.UsersPerSecond}/s: AdminCreateUser {SweepEstimate.CreatesPerSecond}/s, then AdminSetUserPassword {SweepEstimate.PasswordSetsPerSecond}/s, not adjustable; fewer remain after the sign-in window; for large pools the csv strategy)."));
        writer.WriteLine();
        writer.WriteLine("Function settings for these pools:");
        foreach (var setting in report.FunctionEnvironment)
        {
            writer.WriteLine($"  {setting.Name}={setting.Value}");
        }
    }

    // Text, not markup: pool names and client names may hold brackets.
    private static void Row(Table table, string label, string oldValue, string newValue) =>
        table.AddRow(new Text(label), new Text(oldValue), new Text(newValue));

    private static string Count(int? users) =>
        users is { } value ? value.ToString("N0", CultureInfo.InvariantCulture) : "unknown";

    private static string Clients(IReadOnlyList<AppClientSummary> clients, bool withExistenceErrors) =>
        clients.Count == 0
            ? "none"
            : string.Join(Environment.NewLine, clients.Select(c =>
                $"{c.ClientId}{(c.ClientName is { Length: > 0 } name ? $" ({name})" : "")}: {Flows(c)}"
                + (c.HasSecret ? ", has a secret" : "")
                + (withExistenceErrors ? $", PreventUserExistenceErrors {c.PreventUserExistenceErrors}" : "")));

    private static string Flows(AppClientSummary client)
    {
        var flows = client.AuthFlows.Where(f => f.Contains("PASSWORD", StringComparison.Ordinal) || f.Contains("NO_SRP", StringComparison.Ordinal)).ToList();
        return flows.Count == 0 ? "no password flow" : string.Join(" ", flows.Select(f => f.Replace("ALLOW_", "", StringComparison.Ordinal)));
    }
}
