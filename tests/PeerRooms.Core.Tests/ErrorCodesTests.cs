using PeerRooms.Core.Errors;

namespace PeerRooms.Core.Tests;

public class ErrorCodesTests
{
    [Fact]
    public void Codes_are_unique_snake_case()
    {
        Assert.Equal(ErrorCodes.All.Count, ErrorCodes.All.Distinct().Count());
        Assert.All(ErrorCodes.All, c => Assert.Matches("^[a-z]+(_[a-z]+)*$", c));
    }
}
