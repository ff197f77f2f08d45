using Trigger.Cli.Options;

namespace Trigger.Cli.Commands.Export;

/// <summary>What <see cref="ExportRunner"/> exports, where, and how fast.</summary>
internal sealed record ExportOptions
{
    /// <summary>The old pool to snapshot, e.g. <c>eu-west-1_AbC123</c>.</summary>
    public required string OldUserPoolId { get; init; }

    /// <summary>The snapshot file to write (JSON Lines). It appears only once complete.</summary>
    public required string OutputPath { get; init; }

    /// <summary>
    /// ListUsers pages per second. Default 5, allowed 0.1 to 30: the UserList quota is 30 per second for
    /// the whole account and region, cannot be raised, and live sign-ins by alias use it too.
    /// </summary>
    public double PagesPerSecond { get; init; } = 5;

    /// <summary>
    /// Also read each user's MFA preferences with AdminGetUser (ListUsers has only the legacy SMS options).
    /// One UserRead call per user, and each counts as a monthly active user. Default false.
    /// </summary>
    public bool MfaDetails { get; init; }

    /// <summary>
    /// Record each user's groups in the old pool (ListGroups, then ListUsersInGroup for each group, paced with the
    /// ListUsers pages at <see cref="PagesPerSecond"/>: both are UserList). Default true; <c>--no-groups</c> turns it off.
    /// </summary>
    public bool Groups { get; init; } = true;

    /// <summary>AdminGetUser calls per second with <see cref="MfaDetails"/>. Default 20, allowed 0.1 to 120 (UserRead quota 120).</summary>
    public double ReadsPerSecond { get; init; } = 20;

    /// <summary>Replace <see cref="OutputPath"/> if it exists. Default false: an existing file is refused.</summary>
    public bool Overwrite { get; init; }

    /// <summary>The region, recorded in the snapshot header for the record only.</summary>
    public string? Region { get; init; }

    /// <summary>How the final report is printed. Default <see cref="OutputFormat.Text"/>.</summary>
    public OutputFormat Format { get; init; } = OutputFormat.Text;

    /// <summary>Redraw the progress line in place (a terminal) instead of printing a line per interval.</summary>
    public bool InteractiveProgress { get; init; }

    /// <summary>Time between two progress lines. Default 5 seconds.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The first problem with these options, named after the command-line option; null when none.</summary>
    internal string? Problem()
    {
        if (string.IsNullOrWhiteSpace(OldUserPoolId))
        {
            return "--old-pool-id is required.";
        }

        if (string.IsNullOrWhiteSpace(OutputPath))
        {
            return "--file is required: the snapshot to write.";
        }

        if (PagesPerSecond is < 0.1 or > 30 || double.IsNaN(PagesPerSecond))
        {
            return "--rate must be between 0.1 and 30 ListUsers pages per second (UserList quota: 30 per second, not adjustable).";
        }

        if (ReadsPerSecond is < 0.1 or > 120 || double.IsNaN(ReadsPerSecond))
        {
            return "--read-rate must be between 0.1 and 120 AdminGetUser calls per second (UserRead quota: 120 per second).";
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(OutputPath));
        if (directory is null || !Directory.Exists(directory))
        {
            return $"--file: the folder '{directory}' does not exist.";
        }

        return null;
    }
}
