using BenchmarkDotNet.Attributes;
using PeerRooms.Core.Disclosure;

namespace PeerRooms.Benchmarks;

/// <summary>
/// PII redaction of one 280-character chat message (the disclosure feature's message-path cost when
/// a room has <c>piiRedaction</c> on, the default): a benign message, and one with a phone number, an
/// email address and a street address to mask.
/// </summary>
[MemoryDiagnoser]
public class RedactionBenchmark
{
    private const string Benign =
        "Honestly this week has been a lot. Work is busy, my sponsor says I should call more, and the meeting on Tuesday helped. " +
        "I keep thinking about what people said about cravings after dinner. Tonight I will try the breathing thing and text my friend.";
    private const string WithPii =
        "If anyone wants to talk after the meeting my number is 555-123-4567 or email river.k@example.org, " +
        "I live at 42 Maple Street so we could meet for coffee nearby. This week has been hard but the Tuesday group helped.";

    private string _message = "";

    [Params(false, true)]
    public bool ContainsPii { get; set; }

    [GlobalSetup]
    public void Setup() => _message = (ContainsPii ? WithPii + " " + WithPii : Benign + " " + Benign)[..280];

    [Benchmark]
    public int Redact() => PiiRedactor.Redact(_message).Masked.Count;
}
