namespace RecurrentGpt.TestSupport;

/// <summary>
/// A number in [0, 1) that depends only on a seed, a request number and a salt (SplitMix64 mixing): no shared
/// generator state, so concurrent requests cannot disturb each other's draws and a rerun draws the same numbers.
/// </summary>
internal static class SeededDraw
{
    public static double Uniform(int seed, int requestNumber, int salt)
    {
        ulong mixed = Mix(Mix(Mix((ulong)(uint)seed) ^ (ulong)(uint)requestNumber) ^ (ulong)(uint)salt);
        return (mixed >> 11) * (1.0 / (1UL << 53));
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
