namespace PeerRooms.Core.Live;

/// <summary>
/// A read-only list with value equality. Records that hold a list (a participant's attributes, a
/// message's content-warning topics) use it so they stay equal to themselves after a round trip
/// through a store (a plain list compares by reference). System.Text.Json reads and writes it as
/// <c>{ "items": [...] }</c> through its constructor.
/// </summary>
public sealed record ValueList<T>(IReadOnlyList<T> Items)
{
    public static ValueList<T> Empty { get; } = new([]);

    public bool Equals(ValueList<T>? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items) hash.Add(item);
        return hash.ToHashCode();
    }
}
