using Microsoft.Extensions.Options;
using PeerRooms.Core.Crisis;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Escalation;
using PeerRooms.Server.Auth;
using PeerRooms.Server.Crisis;

namespace PeerRooms.Server.Http;

/// <summary>
/// Crisis HTTP API: scan a text (admins and crisis staff, for testing lexicons), reload the
/// lexicons (admins), and read cases with their audit trail (admins and crisis staff).
/// </summary>
public static class CrisisEndpoints
{
    public static IEndpointRouteBuilder MapCrisis(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/crisis").WithTags("crisis");
        admin.MapPost("/scan", (ScanRequest? request, ICrisisDetector detector, IOptions<CrisisOptions> options) =>
        {
            var max = options.Value.MaxScanLength;
            var errors = new Dictionary<string, string[]>();
            if (request is null || string.IsNullOrWhiteSpace(request.Text)) errors["text"] = ["text is required"];
            else if (request.Text.Length > max) errors["text"] = [$"text must be at most {max} characters"];
            if (request?.Language is { Length: > 35 }) errors["language"] = ["language must be a BCP 47 tag"];
            if (errors.Count > 0) return Results.ValidationProblem(errors);
            var result = detector.Scan(request!.Text!, string.IsNullOrWhiteSpace(request.Language) ? null : request.Language);
            return Results.Ok(new ScanResponse(
                result.Severity.ToWireName(),
                [.. result.Categories.Select(c => c.ToWireName())],
                [.. result.Matches.Select(m => new ScanMatch(m.Term, m.Category.ToWireName(), m.Severity.ToWireName(), m.Start, m.Length))]));
        }).RequireAuthorization(Policies.CrisisStaff).WithSummary("Scan a text with the crisis detector (admins, crisis staff).");

        admin.MapPost("/lexicons/reload", (ReloadableCrisisDetector detector, ILoggerFactory loggers) =>
        {
            var error = LexiconWatcher.Reload(detector, loggers.CreateLogger(typeof(CrisisEndpoints)));
            if (error is not null)
                return Results.Problem(statusCode: 422, title: "A lexicon file is invalid; the previous lexicons keep serving.", detail: error, type: ErrorCodes.InvalidArgument);
            var current = detector.Current;
            return Results.Ok(new ReloadResponse([.. current.Lexicons.Select(l => l.Language)], current.PatternCount));
        }).RequireAuthorization(Policies.Admin).WithSummary("Reload the crisis lexicons without a restart (admins).");

        var cases = app.MapGroup("/api/crisis/cases").WithTags("crisis").RequireAuthorization(Policies.CrisisStaff);
        cases.MapGet("/", async (string? state, IEscalationStore store, CancellationToken ct) =>
        {
            if (!CaseViews.TryParseFilter(state, out var filter))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["state"] = ["state must be active, open, claimed, acknowledged, resolved or all"] });
            return Results.Ok((await store.ListAsync(filter, 1000, ct)).Select(r => r.ToView()));
        }).WithSummary("List escalation cases (admins, crisis staff).");

        cases.MapGet("/{id}", async (string id, IEscalationStore store, CancellationToken ct) =>
            await store.GetAsync(id, ct) is { } record
                ? Results.Ok(record.ToDetailView())
                : Results.Problem(statusCode: 404, title: "Case not found", type: ErrorCodes.NotFound))
            .WithSummary("One case with notes, pages and audit trail (admins, crisis staff).");
        return app;
    }
}

public sealed record ScanRequest(string? Text, string? Language);

public sealed record ScanMatch(string Term, string Category, string Severity, int Start, int Length);

public sealed record ScanResponse(string Severity, IReadOnlyList<string> Categories, IReadOnlyList<ScanMatch> Matches);

public sealed record ReloadResponse(IReadOnlyList<string> Languages, int Patterns);
