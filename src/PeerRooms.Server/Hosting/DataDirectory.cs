namespace PeerRooms.Server.Hosting;

/// <summary>Resolves and creates the data directory (relative paths are under the content root).</summary>
public static class DataDirectory
{
    public static string Resolve(PeerRoomsOptions options, IHostEnvironment env)
    {
        var dir = Path.IsPathRooted(options.DataDirectory)
            ? options.DataDirectory
            : Path.Combine(env.ContentRootPath, options.DataDirectory);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
