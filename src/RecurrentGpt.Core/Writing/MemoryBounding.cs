namespace RecurrentGpt.Core.Writing;

/// <summary>What it took to keep the memory under its cap.</summary>
public enum MemoryBounding
{
    WithinCap,
    Compressed,
    Trimmed,
}
