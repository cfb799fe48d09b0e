using PeerRooms.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPeerRooms();

var app = builder.Build();
app.MapPeerRooms();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
