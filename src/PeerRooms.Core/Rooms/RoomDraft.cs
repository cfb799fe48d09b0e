using PeerRooms.Core.Errors;

namespace PeerRooms.Core.Rooms;

/// <summary>What an admin may set on a room; validated here so every adapter applies the same rules.</summary>
public sealed record RoomDraft
{
    public const int MaxNameLength = 120;
    public const int MaxDescriptionLength = 2000;
    public const int MaxGuidelinesLength = 10000;
    public const int MaxCapacity = 500;
    public static readonly string[] SupportedLanguages = ["en", "es", "ar"];

    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Guidelines { get; init; }
    public string? Language { get; init; }
    public int? Capacity { get; init; }
    public IReadOnlyList<string>? Facilitators { get; init; }
    public RoomPolicy? Policy { get; init; }

    /// <summary>Returns every problem at once so a form can show them together.</summary>
    public IReadOnlyDictionary<string, string[]> Validate(bool creating)
    {
        var errors = new Dictionary<string, string[]>();
        if (creating && string.IsNullOrWhiteSpace(Name)) errors["name"] = ["name is required"];
        if (Name is not null && (Name.Trim().Length == 0 || Name.Length > MaxNameLength))
            errors["name"] = [$"name must be 1-{MaxNameLength} characters"];
        if (Description is { Length: > MaxDescriptionLength })
            errors["description"] = [$"description must be at most {MaxDescriptionLength} characters"];
        if (Guidelines is { Length: > MaxGuidelinesLength })
            errors["guidelines"] = [$"guidelines must be at most {MaxGuidelinesLength} characters"];
        if (Language is not null && !SupportedLanguages.Contains(Language))
            errors["language"] = [$"language must be one of {string.Join(", ", SupportedLanguages)}"];
        if (Capacity is < 2 or > MaxCapacity)
            errors["capacity"] = [$"capacity must be between 2 and {MaxCapacity}"];
        if (Facilitators is not null && Facilitators.Any(f => string.IsNullOrWhiteSpace(f) || f.Length > 128))
            errors["facilitators"] = ["facilitators must be non-empty user ids of at most 128 characters"];
        if (Policy?.Validate() is { Count: > 0 } policyErrors) errors["policy"] = [.. policyErrors];
        return errors;
    }

    public Room ApplyTo(Room room, DateTimeOffset now) => room with
    {
        Name = Name?.Trim() ?? room.Name,
        Description = Description ?? room.Description,
        Guidelines = Guidelines ?? room.Guidelines,
        GuidelinesVersion = Guidelines is not null && Guidelines != room.Guidelines
            ? room.GuidelinesVersion + 1 : room.GuidelinesVersion,
        Language = Language ?? room.Language,
        Capacity = Capacity ?? room.Capacity,
        Facilitators = Facilitators?.Distinct(StringComparer.Ordinal).ToArray() ?? room.Facilitators,
        Policy = Policy ?? room.Policy,
        UpdatedAt = now,
    };

    public Room Create(string id, DateTimeOffset now)
    {
        var errors = Validate(creating: true);
        if (errors.Count > 0) throw PeerRoomsException.Invalid(string.Join("; ", errors.SelectMany(e => e.Value)));
        var blank = new Room { Id = id, Name = Name!.Trim(), CreatedAt = now, UpdatedAt = now };
        return ApplyTo(blank, now) with { GuidelinesVersion = 1 };
    }
}
