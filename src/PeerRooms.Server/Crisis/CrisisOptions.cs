namespace PeerRooms.Server.Crisis;

/// <summary>Crisis detection settings, <c>PeerRooms:Crisis</c>. Validated at start-up.</summary>
public sealed class CrisisOptions
{
    public const string Section = "PeerRooms:Crisis";

    /// <summary>Organisation lexicon files (<c>*.json</c>) overlaid on the embedded defaults; none by default.</summary>
    public string? LexiconDirectory { get; set; }

    /// <summary>Reload the lexicons when a file in <see cref="LexiconDirectory"/> changes.</summary>
    public bool WatchLexiconDirectory { get; set; } = true;

    /// <summary>Longest text <c>POST /api/admin/crisis/scan</c> accepts.</summary>
    public int MaxScanLength { get; set; } = 4000;

    /// <summary>How far back a participant's messages are combined (<see cref="Core.Crisis.RiskTrajectory"/>).</summary>
    public TimeSpan TrajectoryWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The crisis resources card per language (primary subtag); <c>en</c> is the fallback. Defaults fill missing languages.</summary>
    public Dictionary<string, List<CrisisResourceOptions>> Resources { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxScanLength is < 1 or > 100_000) errors.Add($"{Section}:MaxScanLength must be 1-100000.");
        if (TrajectoryWindow <= TimeSpan.Zero || TrajectoryWindow > TimeSpan.FromHours(24)) errors.Add($"{Section}:TrajectoryWindow must be positive and at most a day.");
        foreach (var (language, list) in Resources)
        {
            if (list.Any(r => string.IsNullOrWhiteSpace(r.Name))) errors.Add($"{Section}:Resources:{language} entries need a Name.");
        }
        return errors;
    }
}

/// <summary>One entry of the resources card.</summary>
public sealed class CrisisResourceOptions
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string? Phone { get; set; }
    public string? Sms { get; set; }
    public string? Url { get; set; }
}
