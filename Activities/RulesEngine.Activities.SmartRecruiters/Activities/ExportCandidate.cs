using System.Net;
using System.Text.Json.Nodes;
using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Connections;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.SmartRecruiters.Activities;

/// <summary>
/// Puts a candidate on a job, idempotently: finds the candidate by e-mail first, creates it on the job only when
/// missing, adds an existing one to the job only when not yet applied, and uploads each attachment only when the
/// candidate has no file of that name yet. A second run therefore changes nothing.
/// </summary>
[Activity("SmartRecruiters.ExportCandidate", HasSideEffects = true, Category = SmartRecruitersActivity.Category, DisplayName = "Export candidate",
    Description = "Creates the candidate on a job or in the talent pool (or adds the existing one, found by e-mail) with profile, source and CV; safe to run twice.")]
public sealed class ExportCandidate(ISmartRecruitersClientFactory clients, ISmartRecruitersConnectionProvider connections) : SmartRecruitersActivity(clients, connections)
{
    [Input(Description = "The job to put the candidate on; empty puts the candidate in the talent pool only (no files then).", Order = 0)]
    public Input<string> JobId { get; set; } = new();

    [Input(Description = "The whole candidate as SmartRecruiters' CandidateInput JSON; the single-field inputs below win over it.", UiHint = UiHints.Json)]
    public Input<object> Candidate { get; set; } = new();

    [Input(Description = "First name.")]
    public Input<string> FirstName { get; set; } = new();

    [Input(Description = "Last name.")]
    public Input<string> LastName { get; set; } = new();

    [Input(Description = "E-mail address: the key that finds an existing candidate.")]
    public Input<string> Email { get; set; } = new();

    [Input(Description = "Phone number.")]
    public Input<string> PhoneNumber { get; set; } = new();

    [Input(Description = "Location: {country, countryCode, region, city, lat, lng}.", UiHint = UiHints.Json)]
    public Input<object> Location { get; set; } = new();

    [Input(Description = "Web profiles: {linkedin, website, …}.", UiHint = UiHints.Json)]
    public Input<object> Web { get; set; } = new();

    [Input(Description = "Tags for a new candidate (each at most 50 characters).", UiHint = UiHints.List)]
    public Input<object> Tags { get; set; } = new();

    [Input(Description = "Education: a JSON array of {institution, degree, major, current, startDate, endDate, description}.", UiHint = UiHints.Json)]
    public Input<object> Education { get; set; } = new();

    [Input(Description = "Experience: a JSON array of {title, company, current, startDate, endDate, location, description}.", UiHint = UiHints.Json)]
    public Input<object> Experience { get; set; } = new();

    [Input(Description = "Source attribution: {sourceTypeId, sourceSubTypeId, sourceId} (see /configuration/sources).", UiHint = UiHints.Json)]
    public Input<object> SourceDetails { get; set; } = new();

    [Input(Description = "URL to download the CV from.")]
    public Input<string> CvUrl { get; set; } = new();

    [Input(Description = "The CV as base64 (instead of a URL).", UiHint = UiHints.MultiLine)]
    public Input<string> CvBase64 { get; set; } = new();

    [Input(Description = "File name of the CV (also what makes a second upload a duplicate). Default: from the URL, else cv.pdf.")]
    public Input<string> CvFileName { get; set; } = new();

    [Input(Description = "Other files: a JSON array of {attachmentType: RESUME|COVER_LETTER|GENERIC_FILE, fileName, url or base64, contentType}.", UiHint = UiHints.Json)]
    public Input<object> Attachments { get; set; } = new();

    [Output(Description = "The candidate's id.")]
    public Output<string> CandidateId { get; set; } = new();

    [Output(Description = "The candidate as SmartRecruiters has it now.")]
    public Output<JsonObject> CandidateDetails { get; set; } = new();

    [Output(Description = "True when no candidate with this e-mail was found and one was created.")]
    public Output<bool> Created { get; set; } = new();

    [Output(Description = "True when this run added the application to the job.")]
    public Output<bool> AddedToJob { get; set; } = new();

    [Output(Description = "Ids of the attachments this run uploaded.")]
    public Output<JsonArray> UploadedAttachments { get; set; } = new();

    [Output(Description = "File names skipped because the candidate already had them.")]
    public Output<JsonArray> SkippedAttachments { get; set; } = new();

    protected override async ValueTask ExecuteAsync(ActivityContext context, ISmartRecruitersClient client, CancellationToken cancellationToken)
    {
        var jobId = context.Get(JobId)?.Trim();
        var body = BuildBody(context);
        var email = body["email"]!.GetValue<string>();
        var files = Files(context);
        if (string.IsNullOrEmpty(jobId) && files.Count > 0)
        {
            throw new SmartRecruitersValidationException("MISSING_INPUT", "ExportCandidate uploads files only onto a job application: give jobId, or no files.");
        }

        var existingId = await FindByEmailAsync(client, email, cancellationToken).ConfigureAwait(false);
        var created = existingId is null;
        var addedToJob = false;
        string candidateId;
        JsonObject candidate;
        if (string.IsNullOrEmpty(jobId))
        {
            // Talent pool only (e.g. an interview registration without a job): create the candidate when the e-mail is new.
            candidate = existingId is not null
                ? await client.Candidates.GetAsync(existingId, cancellationToken).ConfigureAwait(false)
                : await client.Candidates.CreateAsync(body, cancellationToken).ConfigureAwait(false);
            candidateId = candidate["id"]?.ToString() ?? throw new InvalidOperationException("SmartRecruiters created a candidate without an id.");
        }
        else if (existingId is not null && await HasApplicationAsync(client, existingId, jobId, cancellationToken).ConfigureAwait(false))
        {
            candidateId = existingId;
            candidate = await client.Candidates.GetAsync(candidateId, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // SmartRecruiters de-duplicates by e-mail: posting a known e-mail on a job adds that candidate to the job.
            candidate = await client.Candidates.CreateOnJobAsync(jobId, body, cancellationToken).ConfigureAwait(false);
            candidateId = candidate["id"]?.ToString() ?? throw new InvalidOperationException("SmartRecruiters created a candidate without an id.");
            addedToJob = true;
        }

        var uploaded = new JsonArray();
        var skipped = new JsonArray();
        if (files.Count > 0 && !string.IsNullOrEmpty(jobId))
        {
            var list = await client.Candidates.ListAttachmentsAsync(candidateId, jobId, cancellationToken).ConfigureAwait(false);
            var names = new HashSet<string>((list["content"] as JsonArray ?? []).Select(a => a?["name"]?.ToString() ?? ""), StringComparer.OrdinalIgnoreCase);
            foreach (var file in files)
            {
                if (names.Contains(file.FileName))
                {
                    skipped.Add(file.FileName);
                    continue;
                }

                var bytes = await file.ReadAsync(client, cancellationToken).ConfigureAwait(false);
                try
                {
                    var result = await client.Candidates.UploadAttachmentAsync(candidateId, jobId, file.AttachmentType,
                        new Refit.ByteArrayPart(bytes, file.FileName, file.ContentType), cancellationToken).ConfigureAwait(false);
                    uploaded.Add(result["id"]?.ToString());
                    names.Add(file.FileName);
                }
                catch (SmartRecruitersApiException ex) when (ex.HasCode("FILE_ALREADY_EXIST"))
                {
                    // Same content under another name, or uploaded to another job: it is there, which is what we want.
                    skipped.Add(file.FileName);
                }
            }
        }

        context.Set(CandidateId, candidateId);
        context.Set(CandidateDetails, candidate);
        context.Set(Created, created);
        context.Set(AddedToJob, addedToJob);
        context.Set(UploadedAttachments, uploaded);
        context.Set(SkippedAttachments, skipped);
    }

    private JsonObject BuildBody(ActivityContext context)
    {
        var body = InputValues.Object(context.Get(Candidate), "candidate") ?? [];
        Put(body, "firstName", context.Get(FirstName));
        Put(body, "lastName", context.Get(LastName));
        Put(body, "email", context.Get(Email));
        Put(body, "phoneNumber", context.Get(PhoneNumber));
        PutNode(body, "location", InputValues.Object(context.Get(Location), "location"));
        PutNode(body, "web", InputValues.Object(context.Get(Web), "web"));
        PutNode(body, "education", InputValues.Array(context.Get(Education), "education"));
        PutNode(body, "experience", InputValues.Array(context.Get(Experience), "experience"));
        PutNode(body, "sourceDetails", InputValues.Object(context.Get(SourceDetails), "sourceDetails"));
        var tags = InputValues.Strings(context.Get(Tags));
        if (tags.Length > 0)
        {
            body["tags"] = new JsonArray([.. ApplyTag.Validate(tags).Select(t => (JsonNode)t)]);
        }
        else if (body["tags"] is JsonArray given)
        {
            ApplyTag.Validate(InputValues.Strings(given));
        }

        var missing = new[] { "firstName", "lastName", "email" }.Where(f => string.IsNullOrWhiteSpace(body[f]?.ToString())).ToList();
        if (missing.Count > 0)
        {
            throw new SmartRecruitersValidationException("MISSING_INPUT", "ExportCandidate needs " + string.Join(", ", missing) + ".");
        }

        body["email"] = body["email"]!.ToString().Trim();
        if (body["sourceDetails"] is JsonObject source && (string.IsNullOrEmpty(source["sourceTypeId"]?.ToString()) || string.IsNullOrEmpty(source["sourceId"]?.ToString())))
        {
            throw new SmartRecruitersValidationException("INVALID_INPUT", "sourceDetails needs sourceTypeId and sourceId.");
        }

        return body;
    }

    private List<FileToAttach> Files(ActivityContext context)
    {
        var files = new List<FileToAttach>();
        var cvUrl = context.Get(CvUrl);
        var cvBase64 = context.Get(CvBase64);
        if (!string.IsNullOrWhiteSpace(cvUrl) || !string.IsNullOrWhiteSpace(cvBase64))
        {
            files.Add(FileToAttach.Create("RESUME", context.Get(CvFileName), cvUrl, cvBase64, null));
        }

        foreach (var item in (InputValues.Array(context.Get(Attachments), "attachments") ?? []).OfType<JsonObject>())
        {
            files.Add(FileToAttach.Create(item["attachmentType"]?.ToString() ?? "GENERIC_FILE", item["fileName"]?.ToString(), item["url"]?.ToString(),
                item["base64"]?.ToString(), item["contentType"]?.ToString()));
        }

        return files;
    }

    private static async Task<string?> FindByEmailAsync(ISmartRecruitersClient client, string email, CancellationToken cancellationToken)
    {
        var page = await client.Candidates.SearchAsync("\"" + email + "\"", 100, null, null, null, null, null, null, cancellationToken).ConfigureAwait(false);
        return (page["content"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .FirstOrDefault(c => string.Equals(c["email"]?.ToString(), email, StringComparison.OrdinalIgnoreCase))?["id"]?.ToString();
    }

    private static async Task<bool> HasApplicationAsync(ISmartRecruitersClient client, string candidateId, string jobId, CancellationToken cancellationToken)
    {
        try
        {
            await client.Candidates.GetApplicationAsync(candidateId, jobId, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SmartRecruitersApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound && !ex.HasCode("JOB_NOT_FOUND"))
        {
            return false;
        }
    }

    private static void Put(JsonObject body, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            body[name] = value.Trim();
        }
    }

    private static void PutNode(JsonObject body, string name, JsonNode? value)
    {
        if (value is not null)
        {
            body[name] = value;
        }
    }

    private sealed record FileToAttach(string AttachmentType, string FileName, Uri? Url, byte[]? Content, string ContentType)
    {
        public static FileToAttach Create(string type, string? fileName, string? url, string? base64, string? contentType)
        {
            type = type.ToUpperInvariant();
            if (type is not ("RESUME" or "COVER_LETTER" or "GENERIC_FILE"))
            {
                throw new SmartRecruitersValidationException("INVALID_INPUT", $"attachmentType must be RESUME, COVER_LETTER or GENERIC_FILE, not '{type}'.");
            }

            Uri? uri = null;
            byte[]? content = null;
            if (!string.IsNullOrWhiteSpace(base64))
            {
                try
                {
                    content = Convert.FromBase64String(base64.Trim());
                }
                catch (FormatException)
                {
                    throw new SmartRecruitersValidationException("INVALID_INPUT", $"The {type} file is not valid base64.");
                }
            }
            else if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new SmartRecruitersValidationException("INVALID_INPUT", $"The {type} file needs an http(s) url or base64 content.");
            }

            var name = !string.IsNullOrWhiteSpace(fileName) ? Path.GetFileName(fileName.Trim())
                : uri is not null && Path.GetFileName(uri.AbsolutePath) is { Length: > 0 } fromUrl ? Uri.UnescapeDataString(fromUrl)
                : type == "RESUME" ? "cv.pdf" : "attachment.bin";
            return new FileToAttach(type, name, uri, content, contentType ?? ContentTypeOf(name));
        }

        public async Task<byte[]> ReadAsync(ISmartRecruitersClient client, CancellationToken cancellationToken) =>
            Content ?? await client.DownloadAsync(Url!, cancellationToken).ConfigureAwait(false);

        private static string ContentTypeOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".pdf" => "application/pdf",
            ".doc" => "application/msword",
            ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".txt" => "text/plain",
            ".rtf" => "application/rtf",
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            _ => "application/octet-stream",
        };
    }
}
