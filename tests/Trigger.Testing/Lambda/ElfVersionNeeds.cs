using System.Buffers.Binary;
using System.Text;

namespace Trigger.Testing.Lambda;

/// <summary>
/// The symbol versions an ELF executable needs from its shared libraries (its <c>.gnu.version_r</c>
/// section, what <c>readelf -V</c> prints), read with no tool the machine may lack. 64-bit little-endian
/// ELF only: linux-x64 and linux-arm64.
/// </summary>
public static class ElfVersionNeeds
{
    private const uint SectionVersionNeeds = 0x6ffffffe; // SHT_GNU_verneed

    /// <summary>One needed version: the library (<c>libc.so.6</c>) and the version name (<c>GLIBC_2.34</c>).</summary>
    public sealed record Need(string Library, string Version);

    /// <summary>Reads every needed version of the ELF file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a 64-bit little-endian ELF file, or is cut short.</exception>
    public static IReadOnlyList<Need> Read(string path) => Parse(File.ReadAllBytes(path));

    /// <summary>The highest <c>GLIBC_x.y</c> version among <paramref name="needs"/>, or null when none is needed.</summary>
    public static Version? HighestGlibc(IEnumerable<Need> needs) => needs
        .Select(n => n.Version.StartsWith("GLIBC_", StringComparison.Ordinal) && Version.TryParse(n.Version["GLIBC_".Length..], out var v) ? v : null)
        .Where(v => v is not null)
        .Max();

    /// <summary>Parses an ELF image held in memory.</summary>
    /// <exception cref="InvalidDataException">Not a 64-bit little-endian ELF image, or cut short.</exception>
    public static IReadOnlyList<Need> Parse(ReadOnlySpan<byte> elf)
    {
        if (elf.Length < 64 || !elf[..4].SequenceEqual("\u007fELF"u8))
        {
            throw new InvalidDataException("Not an ELF file.");
        }

        if (elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException("Not a 64-bit little-endian ELF file.");
        }

        try
        {
            var sectionTable = checked((int)U64(elf, 0x28));
            var sectionSize = U16(elf, 0x3A);
            var sectionCount = U16(elf, 0x3C);
            var needs = new List<Need>();
            for (var i = 0; i < sectionCount; i++)
            {
                var header = elf.Slice(sectionTable + (i * sectionSize), sectionSize);
                if (U32(header, 4) != SectionVersionNeeds)
                {
                    continue;
                }

                // sh_link names the string table the entries' names index into.
                var strings = elf.Slice(sectionTable + (checked((int)U32(header, 0x28)) * sectionSize), sectionSize);
                var stringsAt = checked((int)U64(strings, 0x18));
                var offset = checked((int)U64(header, 0x18));
                var entries = checked((int)U32(header, 0x2C)); // sh_info: the number of Verneed entries
                for (var n = 0; n < entries; n++)
                {
                    var entry = elf[offset..];
                    var library = Name(elf, stringsAt + checked((int)U32(entry, 4)));
                    var auxAt = offset + checked((int)U32(entry, 8));
                    for (var a = 0; a < U16(entry, 2); a++)
                    {
                        var aux = elf[auxAt..];
                        needs.Add(new Need(library, Name(elf, stringsAt + checked((int)U32(aux, 8)))));
                        auxAt += checked((int)U32(aux, 12));
                    }

                    offset += checked((int)U32(entry, 12));
                }
            }

            return needs;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            throw new InvalidDataException("The ELF file is cut short or its version section is malformed.", e);
        }
    }

    private static ushort U16(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadUInt16LittleEndian(data[at..]);

    private static uint U32(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadUInt32LittleEndian(data[at..]);

    private static ulong U64(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadUInt64LittleEndian(data[at..]);

    private static string Name(ReadOnlySpan<byte> data, int at)
    {
        var text = data[at..];
        var end = text.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? throw new InvalidDataException("An ELF string is not terminated.") : text[..end]);
    }
}
