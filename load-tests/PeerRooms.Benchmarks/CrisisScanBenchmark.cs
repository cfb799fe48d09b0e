using BenchmarkDotNet.Attributes;
using PeerRooms.Core.Crisis;

namespace PeerRooms.Benchmarks;

/// <summary>
/// Cost of scanning one 280-character chat message with every default lexicon loaded (the
/// message-path cost of crisis detection). Target: under 5 µs per message, no allocation when benign.
/// </summary>
[MemoryDiagnoser]
public class CrisisScanBenchmark
{
    private static readonly Dictionary<string, string> Seeds = new()
    {
        ["en"] = "Honestly this week has been a lot. Work is busy, my sponsor says I should call more, and the meeting on Tuesday helped. " +
                 "I keep thinking about what people said about cravings after dinner. Tonight I will try the breathing thing and text my friend. Thanks all!",
        ["es"] = "La verdad esta semana fue dura. El trabajo me tiene cansado, mi padrino dice que llame más seguido y la reunión del martes me ayudó. " +
                 "Sigo pensando en lo que dijeron sobre los antojos después de cenar. Esta noche probaré la respiración. ¡Gracias a todos!",
        ["ar"] = "بصراحة هذا الأسبوع كان صعب. الشغل كثير، والمرشد قال لازم أتصل أكثر، واجتماع الثلاثاء ساعدني كثير. ما زلت أفكر في كلامكم " +
                 "عن الرغبة بعد العشاء. الليلة راح أجرب تمرين التنفس وأكلم صديقي. شكراً لكم جميعاً على الدعم والكلام الحلو، الله يوفقكم",
    };

    private LexiconScanner _scanner = null!;
    private string _message = string.Empty;

    [Params("en", "es", "ar")]
    public string Language { get; set; } = "en";

    [Params(false, true)]
    public bool Risky { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scanner = new LexiconScanner(CrisisLexiconLoader.LoadDefaults());
        var risk = Language switch
        {
            "es" => " quiero morir, tengo las pastillas",
            "ar" => " ابي اموت الليلة",
            _ => " I want to die tonight, I have pills",
        };
        var text = Risky ? risk + " " + Seeds[Language] : Seeds[Language];
        _message = (text + " " + text)[..280];
    }

    [Benchmark]
    public CrisisSeverity Scan() => _scanner.Scan(_message, Language).Severity;
}
