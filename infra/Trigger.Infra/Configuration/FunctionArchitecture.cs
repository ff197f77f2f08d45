namespace Trigger.Infra.Configuration;

/// <summary>The instruction set the published bootstrap is built for.</summary>
internal enum FunctionArchitecture
{
    /// <summary>linux-x64.</summary>
    X86_64,

    /// <summary>linux-arm64.</summary>
    Arm64,
}
