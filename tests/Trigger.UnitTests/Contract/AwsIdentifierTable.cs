namespace Trigger.UnitTests.Contract;

/// <summary>
/// The one table of valid and invalid AWS identifiers: every reader of an identifier (the contract's rules, the
/// function's settings, the STS adapter, the endpoint resolver) is tested against the same rows. Values are
/// as the reader gets them after trimming, which every reader does.
/// </summary>
public static class AwsIdentifierTable
{
    public static TheoryData<string, bool> ClientIds() => new()
    {
        { "3example4client5id6abcdefgh", true },
        { "a", true },
        { "client_id+1", true },
        { new string('a', 128), true },
        { new string('a', 129), false },
        { string.Empty, false },
        { "client-id", false },
        { "client=id", false },
        { "client.id@x", false },
        { "client id", false },
    };

    public static TheoryData<string, bool> UserPoolIds() => new()
    {
        { "eu-west-1_AbC123", true },
        { "us-gov-west-1_Abc", true },
        { "local_5kXUPxOq", true },
        { "eu-west-1_" + new string('a', 45), true },
        { "eu-west-1_" + new string('a', 46), false },
        { "eu-west-1", false },
        { "_AbC123", false },
        { "eu-west-1_AbC-123", false },
        { "eu west-1_AbC", false },
    };

    public static TheoryData<string, bool> Regions() => new()
    {
        { "eu-west-1", true },
        { "us-east-1", true },
        { "eu-central-2", true },
        { "ap-southeast-5", true },
        { "us-gov-west-1", true },
        { "cn-north-1", true },
        { "us-isob-east-1", true },
        { "local", false },
        { "eu-west", false },
        { "EU-WEST-1", false },
        { "eu-west-1a", false },
        { "eu_west_1", false },
        { "e-west-1", false },
        { "eu-west-123", false },
    };

    public static TheoryData<string, bool> RoleArns() => new()
    {
        { "arn:aws:iam::123456789012:role/old-pool-reader", true },
        { "arn:aws:iam::222222222222:role/migration/old-pool-reader", true },
        { "arn:aws-cn:iam::123456789012:role/r", true },
        { "arn:aws-us-gov:iam::123456789012:role/a_b+c=d,e.f@g-h", true },
        { "arn:aws:iam::123456789012:role/" + new string('r', 64), true },
        { "arn:aws:iam::123456789012:role/" + new string('r', 65), false },
        { "arn:aws:iam::123456789012:role/", false },
        { "arn:aws:iam::123456789012:role/path/", false },
        { "arn:aws:iam::123456789012:user/alice", false },
        { "arn:aws:iam::12345678901:role/r", false },
        { "arn:aws:s3:::bucket", false },
        { "arn:awsx:iam::123456789012:role/r", false },
        { "arn:aws:iam::123456789012:role/has space", false },
        { "not-an-arn", false },
    };

    public static TheoryData<string, bool> SecretArns() => new()
    {
        { "arn:aws:secretsmanager:us-east-1:111122223333:secret:old-client-AbCdEf", true },
        { "arn:aws:secretsmanager:eu-west-1:111111111111:secret:customers/old-client-AbC123", true },
        { "arn:aws-cn:secretsmanager:cn-north-1:111122223333:secret:sweep-key-AbCdEf", true },
        { "arn:aws:secretsmanager:us-east-1:111122223333:secret:a_b+c=d.e@f-AbCdEf", true },
        { "arn:aws:secretsmanager:us-east-1:111122223333:secret:sweep-key", false },
        { "arn:aws:secretsmanager:us-east-1:111122223333:secret:sweep-key-AbCdE", false },
        { "arn:aws:secretsmanager:local:111122223333:secret:sweep-key-AbCdEf", false },
        { "arn:aws:secretsmanager:us-east-1:11112222333:secret:sweep-key-AbCdEf", false },
        { "arn:aws:ssm:us-east-1:111122223333:parameter/sweep-key-AbCdEf", false },
        { "arn:aws:secretsmanager:us-east-1:111122223333:secret:has space-AbCdEf", false },
        { "sweep-key", false },
    };

    public static TheoryData<string, bool> ExternalIds() => new()
    {
        { "ext-1", true },
        { "ab", true },
        { "a+b=c,d.e@f:g/h-i_j", true },
        { new string('x', 1224), true },
        { new string('x', 1225), false },
        { "x", false },
        { "has space", false },
        { "semi;colon", false },
    };

    public static TheoryData<string, bool> FunctionArns() => new()
    {
        { "arn:aws:lambda:eu-west-1:123456789012:function:migrate", true },
        { "arn:aws:lambda:eu-west-1:123456789012:function:migrate:live", true },
        { "arn:aws:lambda:eu-west-1:123456789012:function:migrate:$LATEST", true },
        { "arn:aws:lambda:eu-west-1:123456789012:function:migrate:7", true },
        { "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:a_b-c", true },
        { "arn:aws:lambda:eu-west-1:123456789012:function:" + new string('f', 64), true },
        { "arn:aws:lambda:eu-west-1:123456789012:function:" + new string('f', 65), false },
        { "arn:aws:lambda:eu-west-1:123456789012:function:migrate:", false },
        { "arn:aws:lambda:eu-west-1:123456789012:migrate", false },
        { "arn:aws:lambda:local:123456789012:function:migrate", false },
        { "arn:aws:lambda:eu-west-1:123456789012:function:mig.rate", false },
        { "migrate", false },
    };

    public static TheoryData<string, bool> Endpoints() => new()
    {
        { "http://127.0.0.1:9229", true },
        { "https://cognito-idp.eu-west-1.amazonaws.com/", true },
        { "http://localhost:9229/base/path", true },
        { "localhost:9229", false },
        { "ftp://example.com/", false },
        { "https://user:pw@example.com/", false },
        { "https://example.com/?q=1", false },
        { "https://example.com/#f", false },
        { "/relative/path", false },
    };
}
