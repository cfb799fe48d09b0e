using System.Security.Cryptography;

namespace PeerRooms.Core.Chat;

/// <summary>Makes opaque ids. Injectable so tests can make them predictable.</summary>
public interface IIdGenerator
{
    /// <summary>A new id with the given prefix, e.g. <c>p_</c> for participants.</summary>
    string NewId(string prefix);
}

/// <summary>
/// Unguessable ids: 16 bytes from the system's cryptographic generator, base32-like lower-case
/// (32 letters, so each byte maps without bias), behind a readable prefix. Every message gets one,
/// so the generator is asked for 64 ids' worth of bytes at a time instead of once per id (the call
/// into the crypto library cost more than the rest of the id); bytes are used once and wiped.
/// </summary>
public sealed class RandomIdGenerator : IIdGenerator
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private const int IdLength = 16;
    private const int MaxStackPrefix = 32;

    private readonly Lock _lock = new();
    private readonly byte[] _random = new byte[IdLength * 64];
    private int _used = IdLength * 64;

    public string NewId(string prefix)
    {
        Span<byte> bytes = stackalloc byte[IdLength];
        lock (_lock)
        {
            if (_used == _random.Length)
            {
                RandomNumberGenerator.Fill(_random);
                _used = 0;
            }
            var next = _random.AsSpan(_used, IdLength);
            next.CopyTo(bytes);
            next.Clear();
            _used += IdLength;
        }
        var length = prefix.Length + IdLength;
        var id = length <= MaxStackPrefix + IdLength ? stackalloc char[length] : new char[length];
        prefix.CopyTo(id);
        for (var i = 0; i < IdLength; i++) id[prefix.Length + i] = Alphabet[bytes[i] % Alphabet.Length];
        return new string(id);
    }
}
