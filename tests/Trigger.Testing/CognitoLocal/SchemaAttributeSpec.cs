namespace Trigger.Testing;

/// <summary>One <c>Schema</c> entry of <c>CreateUserPool</c>.</summary>
/// <param name="Name">Standard attribute name, or a custom one with or without the <c>custom:</c> prefix.</param>
public sealed record SchemaAttributeSpec(string Name)
{
    /// <summary>String, Number, DateTime or Boolean.</summary>
    public string DataType { get; init; } = "String";

    /// <summary>Whether the value can change after creation.</summary>
    public bool Mutable { get; init; } = true;

    /// <summary>Whether every user must have a value.</summary>
    public bool Required { get; init; }
}
