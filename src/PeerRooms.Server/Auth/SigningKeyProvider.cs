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

    /// <summary>The key that signs (and validates) tokens.</summary>
    public SymmetricSecurityKey? Key => _key.Value;

    /// <summary>
    /// Keys that validate tokens: the current key, then <c>PeerRooms:Auth:PreviousSigningKeys</c>. A
    /// rotation deploys the new key as SigningKey with the old one listed as previous, so tokens issued
    /// before the rotation stay valid until they expire; then the old key is removed. See docs/operations.md.
    /// </summary>
    public IReadOnlyList<SecurityKey> ValidationKeys =>
    [
        .. Key is null ? Array.Empty<SecurityKey>() : [Key],
        .. options.Value.Auth.PreviousSigningKeys.Select(k => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(k))),
    ];

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
