using System.Reflection;
using System.Runtime.Serialization;
using PeerRooms.Core.Contracts;

namespace PeerRooms.Core.Tests;

public class ContractNamingTests
{
    /// <summary>
    /// JSON names come from the camelCase policy, MessagePack keys from [DataMember(Name)]. They
    /// must agree or the two protocols would carry different field names.
    /// </summary>
    [Fact]
    public void Every_wire_field_has_the_same_name_under_both_protocols()
    {
        var contracts = typeof(JoinRoomRequest).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DataContractAttribute>() is not null).ToList();
        Assert.NotEmpty(contracts);
        foreach (var type in contracts)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
            {
                var member = property.GetCustomAttribute<DataMemberAttribute>();
                Assert.True(member is not null, $"{type.Name}.{property.Name} lacks [DataMember]");
                var camel = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
                Assert.True(camel == member!.Name, $"{type.Name}.{property.Name}: DataMember name '{member.Name}' must be '{camel}'");
            }
        }
    }

    [Theory]
    [InlineData("An unexpected error occurred invoking 'JoinRoom' on the server. HubException: room_full: the room is full", "room_full")]
    [InlineData("muted: you are muted", "muted")]
    [InlineData("Failed to invoke 'X' due to an error on the server.", null)]
    public void Codes_are_found_in_hub_error_messages(string message, string? code)
        => Assert.Equal(code, HubErrorMessages.TryParseCode(message));
}
