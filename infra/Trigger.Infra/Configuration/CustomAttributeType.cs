namespace Trigger.Infra.Configuration;

/// <summary>The Cognito custom attribute data types.</summary>
internal enum CustomAttributeType
{
    /// <summary>String.</summary>
    String,

    /// <summary>Number.</summary>
    Number,

    /// <summary>Boolean.</summary>
    Boolean,

    /// <summary>DateTime.</summary>
    DateTime,
}
