using Trigger.Testing.Lambda;

namespace Trigger.UnitTests.Function;

public sealed class ElfVersionNeedsTests
{
    [Fact]
    public void Parse_NotElf_ThrowsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.Parse("#!/bin/sh\necho bootstrap stand-in\n"u8.ToArray().Concat(new byte[64]).ToArray()));
    }

    [Fact]
    public void Parse_TruncatedElfHeader_ThrowsInvalidData()
    {
        var header = new byte[64];
        "\u007fELF"u8.CopyTo(header);
        header[4] = 2;
        header[5] = 1;
        header[0x28] = 0xFF; // a section table far past the end
        header[0x3A] = 64;
        header[0x3C] = 1;

        Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.Parse(header));
    }

    [Fact]
    public void HighestGlibc_MixedNeeds_HighestGlibcVersionNumerically()
    {
        ElfVersionNeeds.Need[] needs =
        [
            new("libc.so.6", "GLIBC_2.2.5"), new("libc.so.6", "GLIBC_2.34"), new("libc.so.6", "GLIBC_2.4"),
            new("libgcc_s.so.1", "GCC_4.2.0"), new("libm.so.6", "GLIBC_2.29"),
        ];

        Assert.Equal(new Version(2, 34), ElfVersionNeeds.HighestGlibc(needs));
    }

    [Fact]
    public void HighestGlibc_NoGlibcNeed_Null()
    {
        Assert.Null(ElfVersionNeeds.HighestGlibc([new("libgcc_s.so.1", "GCC_3.0")]));
    }
}
