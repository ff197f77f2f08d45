using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trigger.Aws.Protocol;

/// <summary>
/// AWS JSON protocols send timestamps as epoch seconds, a number that may carry a fraction
/// (<c>1700000000.123</c>) or an exponent. Read to the tick; written back with millisecond precision.
/// </summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    private static readonly decimal _minSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly decimal _maxSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        decimal seconds;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var number))
        {
            seconds = number;
        }
        else if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var wide))
        {
            seconds = wide is >= -1e12 and <= 1e12 ? (decimal)wide : throw new JsonException("Epoch seconds out of range.");
        }
        else if (reader.TokenType == JsonTokenType.String
            && decimal.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var text))
        {
            seconds = text;
        }
        else
        {
            throw new JsonException("Expected a timestamp in epoch seconds.");
        }

        if (seconds < _minSeconds || seconds > _maxSeconds)
        {
            throw new JsonException("Epoch seconds out of range.");
        }

        var ticks = (long)decimal.Round(seconds * TimeSpan.TicksPerSecond);
        return DateTimeOffset.UnixEpoch.AddTicks(ticks);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000m);
}
