using Trigger.Migration.Ports;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>An old user read from the source, with where it sits in the listing.</summary>
/// <param name="Sequence">Its number in the listing, from 0.</param>
/// <param name="User">The old user.</param>
/// <param name="At">A position that resumes at this user.</param>
/// <param name="After">A position that resumes just after it.</param>
internal sealed record StragglerCandidate(long Sequence, OldUser User, SourcePosition At, SourcePosition After)
{
    /// <summary>The old user's groups as its source recorded them; null when the source records none (no membership is carried).</summary>
    public IReadOnlyList<string>? Groups { get; init; }
}
