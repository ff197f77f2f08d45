using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Trigger.Testing;

/// <summary>
/// Marks a test class as slow: it starts cognito-local, publishes the function or runs <c>cdk synth</c>.
/// Gives the trait <c>Speed=Slow</c>, so <c>dotnet test --filter "Speed!=Slow"</c> runs the fast tests alone.
/// Forgetting it fails: the slow starters check their calling test class (<see cref="SlowTests.RequireMarkedCaller"/>),
/// and each test project checks the classes that share a slow fixture (<see cref="SlowTests.Unmarked"/>).
/// </summary>
[TraitDiscoverer("Trigger.Testing.SlowTraitDiscoverer", "Trigger.Testing")]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SlowAttribute : Attribute, ITraitAttribute
{
    /// <summary>The trait's name.</summary>
    public const string TraitName = "Speed";

    /// <summary>The trait's value.</summary>
    public const string TraitValue = "Slow";
}

/// <summary>Turns <see cref="SlowAttribute"/> into the <c>Speed=Slow</c> trait (xunit finds it by name).</summary>
public sealed class SlowTraitDiscoverer : ITraitDiscoverer
{
    /// <inheritdoc />
    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute) =>
        [new(SlowAttribute.TraitName, SlowAttribute.TraitValue)];
}

/// <summary>A fixture that starts something slow: every test class that uses it must be <see cref="SlowAttribute"/>.</summary>
#pragma warning disable CA1040 // a marker: what it means is that it is there
public interface ISlowFixture;
#pragma warning restore CA1040

/// <summary>The checks that keep <see cref="SlowAttribute"/> from being forgotten.</summary>
public static class SlowTests
{
    /// <summary>
    /// The test classes of <paramref name="testAssembly"/> that use a <see cref="ISlowFixture"/> (as a class
    /// fixture, through their collection, or in their constructor) without being marked <see cref="SlowAttribute"/>.
    /// </summary>
    public static IReadOnlyList<string> Unmarked(Assembly testAssembly)
    {
        var types = testAssembly.GetTypes();
        var collectionFixtures = types
            .Select(type => (type, definition: type.GetCustomAttribute<CollectionDefinitionAttribute>()))
            .Where(pair => pair.definition is not null)
            .ToDictionary(
                pair => CollectionName(pair.type.CustomAttributes, typeof(CollectionDefinitionAttribute)) ?? "",
                pair => FixtureTypes(pair.type, typeof(ICollectionFixture<>)).ToList());

        return types
            .Where(type => IsTestClass(type) && type.GetCustomAttribute<SlowAttribute>() is null)
            .Where(type =>
            {
                var collection = CollectionName(type.CustomAttributes, typeof(CollectionAttribute));
                var fixtures = FixtureTypes(type, typeof(IClassFixture<>))
                    .Concat(type.GetConstructors().SelectMany(ctor => ctor.GetParameters()).Select(parameter => parameter.ParameterType))
                    .Concat(collection is not null && collectionFixtures.TryGetValue(collection, out var shared) ? shared : []);
                return fixtures.Any(fixture => typeof(ISlowFixture).IsAssignableFrom(fixture));
            })
            .Select(type => type.FullName ?? type.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Called by whatever starts something slow: fails when a test class not marked <see cref="SlowAttribute"/>,
    /// or a fixture not marked <see cref="ISlowFixture"/>, is the caller. Code outside tests (the demo, the
    /// benchmarks) has neither on its stack and passes.
    /// </summary>
    /// <param name="what">What the caller starts, for the message.</param>
    public static void RequireMarkedCaller(string what)
    {
        foreach (var frame in new StackTrace().GetFrames())
        {
            var type = Owner(frame.GetMethod()?.DeclaringType);
            if (type is null || type.Assembly == typeof(SlowTests).Assembly)
            {
                continue;
            }

            if (IsTestClass(type))
            {
                if (type.GetCustomAttribute<SlowAttribute>() is null)
                {
                    throw new InvalidOperationException(
                        $"{type.Name} {what}: mark the class [Slow] so that --filter \"Speed!=Slow\" leaves it out.");
                }

                return;
            }

            if (typeof(IAsyncLifetime).IsAssignableFrom(type))
            {
                if (!typeof(ISlowFixture).IsAssignableFrom(type))
                {
                    throw new InvalidOperationException(
                        $"The fixture {type.Name} {what}: implement ISlowFixture so that the classes using it must be [Slow].");
                }

                return;
            }
        }
    }

    // The class a frame's code belongs to: an async method or a lambda runs in a type the compiler nests in it.
    private static Type? Owner(Type? type)
    {
        while (type is { IsNested: true } && type.GetCustomAttribute<CompilerGeneratedAttribute>() is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static bool IsTestClass(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Any(method => method.GetCustomAttribute<FactAttribute>() is not null);

    private static string? CollectionName(IEnumerable<CustomAttributeData> attributes, Type attributeType) =>
        attributes.FirstOrDefault(attribute => attribute.AttributeType == attributeType)?
            .ConstructorArguments.FirstOrDefault().Value as string;

    private static IEnumerable<Type> FixtureTypes(Type type, Type fixtureInterface) =>
        type.GetInterfaces()
            .Where(contract => contract.IsGenericType && contract.GetGenericTypeDefinition() == fixtureInterface)
            .Select(contract => contract.GetGenericArguments()[0]);
}
