namespace Trigger.Cli.Options;

/// <summary>Which of the two pools a setting or a call is about.</summary>
internal enum PoolSide
{
    /// <summary>The pool users come from.</summary>
    Old,

    /// <summary>The pool users move to; the trigger lives here.</summary>
    New,
}
