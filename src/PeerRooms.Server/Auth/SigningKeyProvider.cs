using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using PeerRooms.Server.Hosting;

namespace PeerRooms.Server.Auth;

/// <summary>
/// The symmetric key that signs and validates tokens. In Development without a configured key, a
/// random key is created once under the data directory, so every dev node started from the same
/// folder accepts the same tokens and nothing secret is committed.
/// </summary>
public sealed class SigningKeyProvider(IOptions<PeerRoomsOptions> options, IHostEnvironment env)
{
    private readonly Lazy<SymmetricSecurityKey?> _key = new(() => Load(options.Value, env));

    public SymmetricSecurityKey? Key => _key.Value;

    private static SymmetricSecurityKey? Load(PeerRoomsOptions o, IHostEnvironment env)
    {
        if (!string.IsNullOrWhiteSpace(o.Auth.SigningKey))
            return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(o.Auth.SigningKey));
        if (!env.IsDevelopment()) return null;
        var dir = DataDirectory.Resolve(o, env);
        var path = Path.Combine(dir, "dev-signing.key");
        if (!File.Exists(path))
        {
            var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                stream.Write(Encoding.ASCII.GetBytes(fresh));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another node created it first: use theirs.
            }
        }
        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }
}
