using System.Text.Json.Serialization;

namespace Trigger.Demo.Seeds;

/// <summary>
/// Source-generated JSON for the seed files. Unknown properties are errors, so a typo is named, not ignored.
/// Properties with a default are settable, not init-only: the generated code would otherwise reset an absent
/// init-only property to its type's default (false, null) instead of keeping the initializer's value.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(OldPoolFile))]
[JsonSerializable(typeof(AppTrafficFile))]
internal sealed partial class SeedJsonContext : JsonSerializerContext;
