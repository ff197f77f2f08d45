namespace Trigger.Cli.Commands.Sweep;

/// <summary>What happened to one old user; the words of the journal, the report and the exit code.</summary>
internal static class StragglerOutcomes
{
    /// <summary>Created in the new pool by this sweep.</summary>
    public const string Created = "created";

    /// <summary>Already in the new pool (migrated by the trigger, or swept before): nothing written.</summary>
    public const string AlreadyInNewPool = "already-in-new-pool";

    /// <summary>Not to be moved by rule (disabled, unconfirmed, no verified contact, ...): nothing written.</summary>
    public const string Skipped = "skipped";

    /// <summary>Attributes the new pool cannot take: reported, nothing written.</summary>
    public const string Unmappable = "unmappable";

    /// <summary>The new pool refused the user (alias taken, schema, PreSignUp guard, ...).</summary>
    public const string Failed = "failed";

    /// <summary>Dry run: would be created.</summary>
    public const string WouldCreate = "would-create";

    /// <summary>CSV strategy: written to an import file.</summary>
    public const string Queued = "queued";

    /// <summary>Whether the outcome needs the operator's attention (exit code 1).</summary>
    public static bool IsFinding(string outcome) => outcome is Failed or Unmappable;

    /// <summary>Whether the user is in the new pool once the outcome is recorded (id map rows).</summary>
    public static bool IsInNewPool(string outcome) => outcome is Created or AlreadyInNewPool;
}
