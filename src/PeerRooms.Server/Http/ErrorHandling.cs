using Microsoft.AspNetCore.Diagnostics;
using PeerRooms.Core.Errors;

namespace PeerRooms.Server.Http;

/// <summary>Domain errors on HTTP become ProblemDetails whose <c>type</c> is the catalogue code.</summary>
public sealed class PeerRoomsExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not PeerRoomsException ex) return false;
        http.Response.StatusCode = StatusFor(ex.Code);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = ex,
            ProblemDetails = { Status = http.Response.StatusCode, Title = ex.Message, Type = ex.Code },
        });
    }

    public static int StatusFor(string code) => code switch
    {
        ErrorCodes.NotFound => StatusCodes.Status404NotFound,
        ErrorCodes.Forbidden or ErrorCodes.NotMember => StatusCodes.Status403Forbidden,
        ErrorCodes.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorCodes.Conflict => StatusCodes.Status409Conflict,
        ErrorCodes.RateLimited => StatusCodes.Status429TooManyRequests,
        ErrorCodes.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ErrorCodes.Internal => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status400BadRequest,
    };
}
