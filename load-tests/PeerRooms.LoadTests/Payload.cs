using System.Diagnostics;
using System.Text;

namespace PeerRooms.LoadTests;

/// <summary>
/// Message text carrying its send time, so receivers measure latency without clock sync (all
/// clients run in this process and share the monotonic clock). The timestamp is written in letters
/// (a-p for each hex digit), never digits, so PII redaction cannot mistake it for a phone number.
/// </summary>
public static class Payload
{
    private const string Filler = " lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor";

    public static string Create(long timestamp, int size)
    {
        var sb = new StringBuilder(size);
        sb.Append('t');
        for (var shift = 60; shift >= 0; shift -= 4) sb.Append((char)('a' + (int)((timestamp >> shift) & 0xF)));
        while (sb.Length < size) sb.Append(Filler, 0, Math.Min(Filler.Length, size - sb.Length));
        return sb.ToString();
    }

    /// <summary>The send timestamp (<see cref="Stopwatch.GetTimestamp"/>) in a payload, or null if it has none.</summary>
    public static long? TryReadTimestamp(string text)
    {
        if (text.Length < 17 || text[0] != 't') return null;
        long value = 0;
        for (var i = 1; i <= 16; i++)
        {
            var digit = text[i] - 'a';
            if (digit is < 0 or > 15) return null;
            value = (value << 4) | (uint)digit;
        }
        return value;
    }
}
