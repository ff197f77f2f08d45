using Amazon.DynamoDBv2.Model;
using Trigger.Migration.Ports;

namespace Trigger.Aws.DynamoDb;

/// <summary>
/// The fold index's item layout, shared by the builder (the ops tool) and the reader (the trigger): one item
/// per folded name, key <see cref="KeyAttribute"/>, and the owners in <see cref="OwnersAttribute"/> as a list
/// of maps <c>{ u: old username, a: attribute }</c>. One item per name keeps a look-up to one GetItem.
/// </summary>
public static class FoldIndexItem
{
    /// <summary>The partition key (string): the folded name.</summary>
    public const string KeyAttribute = "folded";

    /// <summary>The owners: a list of maps with <see cref="UsernameField"/> and <see cref="AttributeField"/>.</summary>
    public const string OwnersAttribute = "owners";

    /// <summary>The owner's old username, original case.</summary>
    public const string UsernameField = "u";

    /// <summary>Which name the owner holds: <c>username</c>, <c>email</c> or <c>preferred_username</c>.</summary>
    public const string AttributeField = "a";

    /// <summary>The item for <paramref name="foldedName"/> owned by <paramref name="owners"/>.</summary>
    public static Dictionary<string, AttributeValue> ToItem(string foldedName, IEnumerable<FoldedNameOwner> owners) => new(StringComparer.Ordinal)
    {
        [KeyAttribute] = new AttributeValue { S = foldedName },
        [OwnersAttribute] = new AttributeValue
        {
            L = owners.Select(owner => new AttributeValue
            {
                M = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                {
                    [UsernameField] = new AttributeValue { S = owner.Username },
                    [AttributeField] = new AttributeValue { S = owner.Attribute },
                },
            }).ToList(),
        },
    };

    /// <summary>The owners an item read back holds; an entry without a username is skipped.</summary>
    public static List<FoldedNameOwner> OwnersOf(Dictionary<string, AttributeValue>? item)
    {
        var owners = new List<FoldedNameOwner>();
        if (item is null || !item.TryGetValue(OwnersAttribute, out var list) || list.L is null)
        {
            return owners;
        }

        foreach (var entry in list.L)
        {
            if (entry.M is { } map && map.TryGetValue(UsernameField, out var username) && !string.IsNullOrEmpty(username.S))
            {
                var attribute = map.TryGetValue(AttributeField, out var a) && !string.IsNullOrEmpty(a.S) ? a.S : FoldedNameOwner.UsernameAttribute;
                owners.Add(new FoldedNameOwner(username.S, attribute));
            }
        }

        return owners;
    }
}
