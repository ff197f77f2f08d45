using Trigger.Contract;

namespace Trigger.Aws.Protocol;

/// <summary>
/// Finds the region and endpoint of a service the way the AWS SDKs do: an explicit override, else
/// the service's <c>AWS_ENDPOINT_URL_*</c> variable, else <c>AWS_ENDPOINT_URL</c>, else the regional
/// endpoint (<c>amazonaws.com.cn</c> in the China partition). <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c>
/// switches the variables off; an explicit override always wins (AWS SDKs and Tools Reference Guide,
/// "Service-specific endpoints").
/// </summary>
internal static class AwsEndpoints
{
    public const string GlobalEndpointVariable = "AWS_ENDPOINT_URL";
    public const string IgnoreEndpointsVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    /// <summary>The region from <paramref name="explicitRegion"/>, <c>AWS_REGION</c> or <c>AWS_DEFAULT_REGION</c>.</summary>
    /// <exception cref="AwsConfigurationException">No region anywhere, or one that is not a region name.</exception>
    public static string ResolveRegion(string? explicitRegion, IEnvironmentVariables environment, AwsServiceDescription service)
    {
        var (region, source) = !string.IsNullOrWhiteSpace(explicitRegion) ? (explicitRegion, "the Region option")
            : Read(environment, "AWS_REGION") is { } fromRegion ? (fromRegion, "AWS_REGION")
            : Read(environment, "AWS_DEFAULT_REGION") is { } fromDefault ? (fromDefault, "AWS_DEFAULT_REGION")
            : (null, null);

        if (region is null)
        {
            throw new AwsConfigurationException(
                $"No AWS region for the {service.DisplayName} client: set the Region option or AWS_REGION.");
        }

        region = region.Trim();
        if (!AwsIdentifierRules.IsRegion(region))
        {
            // The value is echoed: a region name is not a secret, and seeing it is the fastest fix.
            throw new AwsConfigurationException(
                $"The AWS region '{region}' from {source} is not a region name like 'eu-west-1'.");
        }

        return region;
    }

    /// <summary>The endpoint to POST to.</summary>
    /// <exception cref="AwsConfigurationException">The chosen override is not an absolute http(s) URL.</exception>
    public static Uri ResolveEndpoint(AwsServiceDescription service, string region, Uri? explicitOverride, IEnvironmentVariables environment)
    {
        if (explicitOverride is not null)
        {
            return Validate(explicitOverride, "the EndpointOverride option");
        }

        var ignoreVariables = string.Equals(Read(environment, IgnoreEndpointsVariable), "true", StringComparison.OrdinalIgnoreCase);
        if (!ignoreVariables)
        {
            foreach (var variable in new[] { service.EndpointVariable, GlobalEndpointVariable })
            {
                if (Read(environment, variable) is { } value)
                {
                    return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var parsed)
                        ? Validate(parsed, variable)
                        : throw NotAnEndpoint(variable);
                }
            }
        }

        return new Uri($"https://{service.EndpointPrefix}.{region}.{DnsSuffix(region)}/");
    }

    /// <summary>The partition's DNS suffix: China regions live under <c>amazonaws.com.cn</c>.</summary>
    public static string DnsSuffix(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";

    private static Uri Validate(Uri endpoint, string source)
    {
        return AwsIdentifierRules.IsEndpoint(endpoint) ? endpoint : throw NotAnEndpoint(source);
    }

    // The value is not echoed: a mistyped variable might hold anything.
    private static AwsConfigurationException NotAnEndpoint(string source) =>
        new($"The endpoint from {source} is not an absolute http(s) URL (scheme and host, optional port and path, no user info or query).");

    private static string? Read(IEnvironmentVariables environment, string name) =>
        environment.Get(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
}
