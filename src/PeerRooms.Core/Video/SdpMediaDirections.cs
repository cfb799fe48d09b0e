using System.Text.Json;
using PeerRooms.Core.Errors;

namespace PeerRooms.Core.Video;

/// <summary>
/// Which media an SDP offer or answer would SEND. Enough SDP (RFC 8866 / RFC 3264) to enforce a
/// facilitator's force-off in the signalling path: an <c>m=audio</c> / <c>m=video</c> section sends
/// when its port is not 0 and its direction is <c>sendrecv</c> or <c>sendonly</c>. The direction is
/// the section's own <c>a=</c> direction line, else the session-level one, else sendrecv (the RFC
/// default). Other sections (e.g. <c>m=application</c> data channels) are ignored.
/// </summary>
public sealed record SdpMediaDirections(bool SendsAudio, bool SendsVideo)
{
    private static readonly string[] Directions = ["sendrecv", "sendonly", "recvonly", "inactive"];

    public static SdpMediaDirections Parse(string sdp)
    {
        string? sessionDirection = null;
        var sections = new List<(string Media, bool PortZero, string? Direction)>();
        foreach (var raw in sdp.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.StartsWith("m=", StringComparison.Ordinal))
            {
                var parts = line[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var port = parts.Length > 1 ? parts[1].Split('/')[0] : "";
                sections.Add((parts.Length > 0 ? parts[0] : "", port == "0", null));
            }
            else if (line.StartsWith("a=", StringComparison.Ordinal) && Array.IndexOf(Directions, line[2..]) >= 0)
            {
                if (sections.Count == 0) sessionDirection = line[2..];
                else sections[^1] = sections[^1] with { Direction = line[2..] };
            }
        }
        bool Sends(string media) => sections.Any(s => s.Media == media && !s.PortZero
            && (s.Direction ?? sessionDirection ?? "sendrecv") is "sendrecv" or "sendonly");
        return new SdpMediaDirections(Sends("audio"), Sends("video"));
    }

    /// <summary>
    /// Reads an offer/answer signal payload, <c>{"type":"offer"|"answer","sdp":"..."}</c> (what a
    /// browser's RTCSessionDescription serialises to). Invalid JSON or a missing sdp is <c>invalid_argument</c>.
    /// </summary>
    public static SdpMediaDirections FromSignalPayload(string payload)
    {
        try
        {
            using var doc = JsonDocument.Parse(payload);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("sdp", out var sdp) && sdp.ValueKind == JsonValueKind.String)
                return Parse(sdp.GetString()!);
        }
        catch (JsonException)
        {
            // Falls through to the refusal below.
        }
        throw PeerRoomsException.Invalid("an offer or answer payload must be JSON {\"type\":...,\"sdp\":\"...\"}");
    }
}
