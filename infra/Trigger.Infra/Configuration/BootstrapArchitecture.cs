namespace Trigger.Infra.Configuration;

/// <summary>
/// Reads the CPU architecture of the published <c>bootstrap</c> from its ELF header, so that a stack asking
/// for arm64 never deploys an x86-64 binary (Lambda would fail every invocation with an exec format error).
/// </summary>
internal static class BootstrapArchitecture
{
    // ELF header: magic 0x7F 'E' 'L' 'F' at 0, e_machine (little-endian u16) at offset 18.
    private const ushort MachineX8664 = 0x3E;
    private const ushort MachineAarch64 = 0xB7;

    /// <summary>The architecture of an ELF executable, or null for a file that is not one (such as a test stand-in).</summary>
    public static FunctionArchitecture? Read(string bootstrapPath)
    {
        Span<byte> header = stackalloc byte[20];
        using var file = File.OpenRead(bootstrapPath);
        if (file.Read(header) < header.Length || header[0] != 0x7F || header[1] != (byte)'E' || header[2] != (byte)'L' || header[3] != (byte)'F')
        {
            return null;
        }

        return (ushort)(header[18] | (header[19] << 8)) switch
        {
            MachineX8664 => FunctionArchitecture.X86_64,
            MachineAarch64 => FunctionArchitecture.Arm64,
            _ => null,
        };
    }
}
