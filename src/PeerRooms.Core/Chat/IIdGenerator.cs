using System.Security.Cryptography;

namespace PeerRooms.Core.Chat;

/// <summary>Makes opaque ids. Injectable so tests can make them predictable.</summary>
public interface IIdGenerator
{
    /// <summary>A new id with the given prefix, e.g. <c>p_</c> for participants.</summary>
    string NewId(string prefix);
}

/// <summary>Unguessable ids: 16 random bytes, base32-like lower-case, behind a readable prefix.</summary>
public sealed class RandomIdGenerator : IIdGenerator
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public string NewId(string prefix)
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return string.Create(prefix.Length + 16, (prefix, bytes.ToArray()), static (span, state) =>
        {
            state.prefix.AsSpan().CopyTo(span);
            for (var i = 0; i < 16; i++) span[state.prefix.Length + i] = Alphabet[state.Item2[i] % Alphabet.Length];
        });
    }
}
