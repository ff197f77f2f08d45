namespace Trigger.Aws.Protocol;

/// <summary>What a client needs to know about one AWS service to find, sign and address it.</summary>
/// <param name="DisplayName">The name used in messages.</param>
/// <param name="EndpointPrefix">The host prefix of the regional endpoint.</param>
/// <param name="SigningName">The service name in the SigV4 credential scope.</param>
/// <param name="TargetPrefix">The JSON protocol's <c>X-Amz-Target</c> prefix.</param>
/// <param name="EndpointVariable">The SDKs' service-specific endpoint variable.</param>
internal sealed record AwsServiceDescription(
    string DisplayName,
    string EndpointPrefix,
    string SigningName,
    string TargetPrefix,
    string EndpointVariable)
{
    // Endpoint variable names: AWS SDKs and Tools Reference Guide, "Identifiers for service-specific endpoints".
    public static AwsServiceDescription CognitoIdentityProvider { get; } = new(
        "Cognito Identity Provider", "cognito-idp", "cognito-idp", "AWSCognitoIdentityProviderService", "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER");

    public static AwsServiceDescription SecretsManager { get; } = new(
        "Secrets Manager", "secretsmanager", "secretsmanager", "secretsmanager", "AWS_ENDPOINT_URL_SECRETS_MANAGER");

    public static AwsServiceDescription SecurityToken { get; } = new(
        "STS", "sts", "sts", string.Empty, "AWS_ENDPOINT_URL_STS");

    // Called through AWSSDK.DynamoDBv2; the description only feeds our endpoint and region rules.
    public static AwsServiceDescription DynamoDb { get; } = new(
        "DynamoDB", "dynamodb", "dynamodb", "DynamoDB_20120810", "AWS_ENDPOINT_URL_DYNAMODB");
}
