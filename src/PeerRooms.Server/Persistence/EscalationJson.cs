using System.Text.Json;
using System.Text.Json.Serialization;
using PeerRooms.Core.Escalation;

namespace PeerRooms.Server.Persistence;

/// <summary>How a case is stored: its snapshot as one JSON document (enums by name, so reordering an enum never changes stored meaning).</summary>
internal static class EscalationJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Serialize(EscalationCase c) => JsonSerializer.Serialize(c.ToSnapshot(), Options);

    public static EscalationCase Deserialize(string json) =>
        EscalationCase.Restore(JsonSerializer.Deserialize<EscalationCaseSnapshot>(json, Options) ?? throw new InvalidDataException("empty case row"));

    public static string StateName(EscalationState state) => state.ToWireName();
}
