using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;

namespace PeerRooms.Server.Security;

/// <summary>
/// Wraps a SignalR hub protocol (JSON or MessagePack) so that arguments which cannot be bound to a
/// hub method (wrong types, wrong argument count, unknown method, undecodable values) reach the
/// client as a catalogue error like every other refusal:
/// <c>Failed to invoke 'X' due to an error on the server. HubException: invalid_argument: ...</c>.
/// <para>
/// Why here: hub filters never see these calls (binding happens while parsing, before dispatch).
/// The protocol reports them as an <see cref="InvocationBindingFailureMessage"/>, and SignalR's
/// dispatcher answers it with a completion error that includes the failure's message only when the
/// failure is a <see cref="HubException"/>. Replacing the failure with a HubException carrying our
/// code is therefore enough; nothing about the original exception (types, paths) is sent.
/// Messages that are not well-formed frames at all still close the connection, as SignalR does.
/// </para>
/// </summary>
public sealed class CatalogueErrorsProtocol(IHubProtocol inner) : IHubProtocol
{
    public string Name => inner.Name;
    public int Version => inner.Version;
    public TransferFormat TransferFormat => inner.TransferFormat;

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        if (!inner.TryParseMessage(ref input, binder, out message)) return false;
        if (message is InvocationBindingFailureMessage failure)
        {
            message = new InvocationBindingFailureMessage(failure.InvocationId, failure.Target,
                ExceptionDispatchInfo.Capture(new HubException(HubErrorMessages.Format(ErrorCodes.InvalidArgument, Explain(failure)))));
        }
        return true;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);

    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

    private static string Explain(InvocationBindingFailureMessage failure) => failure.BindingFailure.SourceException switch
    {
        HubException => "no such hub method",
        _ when failure.BindingFailure.SourceException.Message.Contains("argument(s) but target expects", StringComparison.Ordinal)
            => "wrong number of arguments",
        _ => "the arguments do not match the method's parameter types",
    };
}
