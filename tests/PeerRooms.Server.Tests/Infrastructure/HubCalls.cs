using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;

namespace PeerRooms.Server.Tests.Infrastructure;

/// <summary>
/// The room-hub calls nearly every functional test makes, each bounded by <see cref="Timeouts.Default"/>.
/// Import with <c>using static PeerRooms.Server.Tests.Infrastructure.HubCalls;</c>. One definition, so a
/// change to the join or send request shape is made once for every test.
/// </summary>
public static class HubCalls
{
    public static Task<JoinRoomResponse> Join(HubConnection c, string roomId, string name, IReadOnlyList<AttributeView>? attributes = null, int? acceptedGuidelinesVersion = null)
        => c.InvokeAsync<JoinRoomResponse>("JoinRoom", new JoinRoomRequest
        {
            RoomId = roomId, DisplayName = name, Attributes = attributes, AcceptedGuidelinesVersion = acceptedGuidelinesVersion,
        }).WaitAsync(Timeouts.Default);

    /// <summary>Sends a message; a fresh client message id unless <paramref name="clientId"/> is given (to test de-duplication).</summary>
    public static Task<SendMessageResponse> Send(HubConnection c, string roomId, string text, string? clientId = null, string? audience = null, IReadOnlyList<string>? topics = null)
        => c.InvokeAsync<SendMessageResponse>("SendMessage", new SendMessageRequest
        {
            RoomId = roomId, ClientMessageId = clientId ?? Ids.Message(), Text = text, Audience = audience, SensitiveTopics = topics,
        }).WaitAsync(Timeouts.Default);

    public static Task<MessageView[]> History(HubConnection c, string roomId)
        => c.InvokeAsync<MessageView[]>("GetHistory", roomId, 0L).WaitAsync(Timeouts.Default);

    public static Task<ParticipantView[]> Roster(HubConnection c, string roomId)
        => c.InvokeAsync<ParticipantView[]>("GetRoster", roomId).WaitAsync(Timeouts.Default);
}
