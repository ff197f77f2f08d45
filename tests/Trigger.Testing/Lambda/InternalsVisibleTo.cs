using System.Runtime.CompilerServices;

// The integration tests check the artifact's staleness rule (SourceFingerprint) directly.
[assembly: InternalsVisibleTo("Trigger.IntegrationTests")]
