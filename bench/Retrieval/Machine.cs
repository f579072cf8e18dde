using System.Runtime.InteropServices;

namespace RecurrentGpt.Bench.Retrieval;

internal static class Machine
{
    // The load average says whether other work shared the cores during the run.
    public static string Describe() =>
        $"{Environment.ProcessorCount} cores, {CpuModel()}, {RuntimeInformation.OSDescription}, 1-minute load average at start {LoadAverage()}";

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        string? line = File.Exists(cpuInfo)
            ? File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
            : null;
        return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static string LoadAverage()
    {
        const string loadAverage = "/proc/loadavg";
        return File.Exists(loadAverage) ? File.ReadAllText(loadAverage).Split(' ')[0] : "unknown";
    }
}
