namespace Trigger.Aws;

/// <summary>
/// A client was configured so that no request could be sent: no region, an endpoint that is not an
/// absolute http(s) URL, no credentials. Thrown before anything goes on the wire; the message names
/// the setting or variable to fix and never carries a secret.
/// </summary>
public sealed class AwsConfigurationException : Exception
{
    /// <summary>Creates the exception with a message naming what is missing or malformed.</summary>
    /// <param name="message">What is wrong and which setting or variable to fix.</param>
    public AwsConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    /// <param name="message">What is wrong and which setting or variable to fix.</param>
    /// <param name="innerException">The cause, for example the SDK's credential-chain failure.</param>
    public AwsConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
