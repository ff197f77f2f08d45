namespace Trigger.Aws;

/// <summary>
/// Where the AWS adapters read environment variables (region, endpoint overrides). A seam so that
/// logic never reads the process environment directly and tests can hand in a dictionary.
/// </summary>
public interface IEnvironmentVariables
{
    /// <summary>Returns the value of the variable <paramref name="name"/>, or null when it is unset.</summary>
    /// <param name="name">The variable's name, for example <c>AWS_REGION</c>.</param>
    string? Get(string name);
}
