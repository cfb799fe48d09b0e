using PeerRooms.Core.Chat;

namespace PeerRooms.Core.Tests;

/// <summary>Ids keep their shape and stay distinct across the generator's refills of random bytes, also under concurrency.</summary>
public class RandomIdGeneratorTests
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    [Fact]
    public void Ids_are_the_prefix_and_sixteen_characters_of_the_alphabet()
    {
        var ids = new RandomIdGenerator();
        foreach (var prefix in new[] { "m_", "p_", "", "a-much-longer-prefix-than-any-real-one-uses_" })
        {
            var id = ids.NewId(prefix);
            Assert.Equal(prefix.Length + 16, id.Length);
            Assert.StartsWith(prefix, id, StringComparison.Ordinal);
            Assert.All(id[prefix.Length..], c => Assert.Contains(c, Alphabet));
        }
    }

    [Fact]
    public async Task Ids_are_distinct_across_refills_and_threads()
    {
        var ids = new RandomIdGenerator();
        var made = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 2_500).Select(_ => ids.NewId("m_")).ToArray())));
        var all = made.SelectMany(x => x).ToArray();
        Assert.Equal(all.Length, all.Distinct(StringComparer.Ordinal).Count());
        // Every character of the alphabet turns up in every position: the bytes are used, not wiped first.
        for (var position = 2; position < 18; position++)
            Assert.Equal(Alphabet.Length, all.Select(id => id[position]).Distinct().Count());
    }
}
