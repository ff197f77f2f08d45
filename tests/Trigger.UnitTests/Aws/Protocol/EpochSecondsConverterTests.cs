using System.Text.Json;
using Trigger.Aws.Protocol;

namespace Trigger.UnitTests.Aws;

public sealed class EpochSecondsConverterTests
{
    private static readonly JsonSerializerOptions _options = new() { Converters = { new EpochSecondsConverter() } };

    [Theory]
    [InlineData("1700000000", 1_700_000_000_000)]
    [InlineData("1700000000.5", 1_700_000_000_500)]
    [InlineData("1.7000000001E9", 1_700_000_000_100)]
    [InlineData("\"1700000000.25\"", 1_700_000_000_250)]
    [InlineData("0", 0)]
    public void Read_EpochSeconds_GivesTheInstant(string json, long expectedUnixMilliseconds)
    {
        var value = JsonSerializer.Deserialize<DateTimeOffset>(json, _options);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(expectedUnixMilliseconds), value);
    }

    [Theory]
    [InlineData("\"2024-01-01T00:00:00Z\"")]
    [InlineData("true")]
    [InlineData("1e300")]
    public void Read_NotEpochSeconds_ThrowsJsonException(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>(json, _options));
    }

    [Fact]
    public void Write_Instant_WritesEpochSecondsWithMilliseconds()
    {
        var json = JsonSerializer.Serialize(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123), _options);

        Assert.Equal("1700000000.123", json);
    }
}
