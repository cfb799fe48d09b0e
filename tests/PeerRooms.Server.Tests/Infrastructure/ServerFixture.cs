namespace PeerRooms.Server.Tests.Infrastructure;

/// <summary>One embedded-default node shared by a test class; each test makes its own rooms and users.</summary>
public sealed class ServerFixture : IDisposable
{
    public PeerRoomsServer Server { get; } = new();

    public void Dispose() => Server.Dispose();
}

/// <summary>Every hub test runs under both protocols.</summary>
public sealed class Protocols : TheoryData<HubProtocol>
{
    public Protocols()
    {
        Add(HubProtocol.Json);
        Add(HubProtocol.MessagePack);
    }
}

public static class Ids
{
    /// <summary>A user id no other test uses.</summary>
    public static string User(string prefix = "u") => $"{prefix}-{Guid.NewGuid():N}"[..20];

    public static string Message() => $"c{Guid.NewGuid():N}";
}
