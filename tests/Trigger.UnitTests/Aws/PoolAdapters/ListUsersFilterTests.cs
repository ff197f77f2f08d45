using Trigger.Aws.PoolAdapters;

namespace Trigger.UnitTests.Aws;

public sealed class ListUsersFilterTests
{
    [Theory]
    [InlineData("email", "ann@example.com", "email = \"ann@example.com\"")]
    [InlineData("preferred_username", "a\"b", "preferred_username = \"a\\\"b\"")]
    [InlineData("preferred_username", "a\\\" or x", "preferred_username = \"a\\\\\\\" or x\"")]
    public void ExactMatch_QuoteOrBackslashInTheValue_IsEscapedSoTheStringCannotEndEarly(string attribute, string value, string expected)
    {
        Assert.Equal(expected, ListUsersFilter.ExactMatch(attribute, value));
    }
}
