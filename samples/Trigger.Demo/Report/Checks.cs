namespace Trigger.Demo.Report;

/// <summary>
/// What the demo expected and what happened: every check counts, a failed one makes the exit code 1. This is
/// what makes the demo a smoke test.
/// </summary>
internal sealed class Checks
{
    private readonly List<string> _failures = [];

    public int Passed { get; private set; }

    public int Failed => _failures.Count;

    public IReadOnlyList<string> Failures => _failures;

    /// <summary>Records one check; returns <paramref name="ok"/>.</summary>
    public bool Expect(bool ok, string subject, string expected, string actual)
    {
        if (ok)
        {
            Passed++;
        }
        else
        {
            _failures.Add($"{subject}: expected {expected}, got {actual}");
        }

        return ok;
    }

    /// <summary>The mark for a row whose checks all passed (or not).</summary>
    public static string Mark(bool ok) => ok ? Paint.Green("✓") : Paint.Red("✗");
}
