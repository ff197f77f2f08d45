using Trigger.Demo.App;
using Trigger.Demo.Function;
using Trigger.Demo.Report;
using Trigger.Demo.Seeds;
using Trigger.Demo.World;
using Trigger.Testing;

namespace Trigger.Demo.Acts;

/// <summary>What every act works with. The setup act fills in the parts that exist only once the world runs.</summary>
internal sealed class DemoContext(LocalMigrationWorld world, DemoSeeds seeds, Transcript output, Checks checks, CancellationToken cancellationToken)
{
    public LocalMigrationWorld World { get; } = world;

    public DemoSeeds Seeds { get; } = seeds;

    public Transcript Out { get; } = output;

    public Checks Checks { get; } = checks;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The old pool's users as it reported them after seeding, by username.</summary>
    public Dictionary<string, UserView> OldUsers { get; } = new(StringComparer.Ordinal);

    public FunctionLog Log { get; set; } = null!;

    public UserApp App { get; set; } = null!;
}
