using System.Net;

namespace PeerRooms.Server.Tests.Infrastructure;

public static class Readiness
{
    /// <summary>
    /// Polls <c>/readyz</c> until it answers <paramref name="expected"/>: waiting on an external
    /// process (Redis going away or coming back), bounded by <paramref name="within"/>.
    /// </summary>
    public static async Task WaitForAsync(HttpClient http, HttpStatusCode expected, TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        HttpStatusCode? last = null;
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                using var response = await http.GetAsync("/readyz", deadline.Token);
                last = response.StatusCode;
                if (last == expected) return;
            }
            catch (HttpRequestException) { last = null; }
            catch (OperationCanceledException) { break; }
            try { await Task.Delay(100, deadline.Token); } catch (OperationCanceledException) { break; }
        }
        throw new TimeoutException($"/readyz did not answer {(int)expected} within {within.TotalSeconds}s (last: {(last is null ? "no answer" : ((int)last).ToString())})");
    }
}
