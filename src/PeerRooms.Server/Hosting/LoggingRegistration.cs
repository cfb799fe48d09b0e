using Microsoft.Extensions.DependencyInjection.Extensions;
using PeerRooms.Server.Logging;

namespace PeerRooms.Server.Hosting;

/// <summary>
/// Structured logs: JSON lines on the console outside Development (one object per line with
/// timestamp, level, category, event id, message and structured state), readable single lines in
/// Development. <c>Logging:Console:FormatterName</c> (json, simple, systemd) overrides the choice.
/// Every line of every category passes <see cref="LogRedaction"/> (<see cref="RedactingLoggerFactory"/>).
/// </summary>
public static class LoggingRegistration
{
    public static WebApplicationBuilder AddPeerRoomsLogging(this WebApplicationBuilder builder)
    {
        var logging = builder.Logging;
        if (builder.Configuration["Logging:Console:FormatterName"] is null)
        {
            if (builder.Environment.IsDevelopment())
            {
                logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; });
            }
            else
            {
                logging.AddJsonConsole(o =>
                {
                    o.IncludeScopes = true;
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                });
            }
        }
        builder.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory, RedactingLoggerFactory>());
        return builder;
    }
}
