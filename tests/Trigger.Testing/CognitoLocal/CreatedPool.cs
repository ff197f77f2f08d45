namespace Trigger.Testing;

/// <summary>A created user pool.</summary>
/// <param name="Id">The pool id, e.g. <c>us-east-1_AbCdEf123</c>.</param>
/// <param name="Arn">The pool ARN.</param>
public sealed record CreatedPool(string Id, string Arn);
