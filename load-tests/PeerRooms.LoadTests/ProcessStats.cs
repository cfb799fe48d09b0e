using System.Globalization;

namespace PeerRooms.LoadTests;

/// <summary>
/// CPU time and resident memory of server processes, read from /proc/&lt;pid&gt;/stat (utime+stime in
/// clock ticks of 1/100 s) and /proc/&lt;pid&gt;/status (VmRSS). Linux only; unknown elsewhere.
/// </summary>
public static class ProcessStats
{
    private const double MicrosecondsPerTick = 1_000_000.0 / 100; // USER_HZ is 100 on Linux

    /// <summary>Total user+system CPU time of the processes in µs, or null when unreadable.</summary>
    public static double? CpuMicroseconds(IReadOnlyList<int> pids)
    {
        if (pids.Count == 0) return null;
        double total = 0;
        foreach (var pid in pids)
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                // Fields after the ")" that ends the command name: state is the first, utime the 12th, stime the 13th.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                total += (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * MicrosecondsPerTick;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                return null;
            }
        }
        return total;
    }

    /// <summary>Total resident memory (VmRSS) of the processes in kB, or null when unreadable.</summary>
    public static long? RssKilobytes(IReadOnlyList<int> pids)
    {
        if (pids.Count == 0) return null;
        long total = 0;
        foreach (var pid in pids)
        {
            try
            {
                var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                if (line is null) return null;
                total += long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                return null;
            }
        }
        return total;
    }
}
