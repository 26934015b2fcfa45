using System.Net.Http.Headers;
using System.Text;

namespace SmartRecruiters.Sandbox.Tests;

public sealed class AttachmentsTests
{
    private static MultipartFormDataContent Form(string type, string fileName, string content)
    {
        var form = new MultipartFormDataContent { { new StringContent(type), "attachmentType" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", fileName);
        return form;
    }

    [Fact]
    public async Task Upload_ListsDownloads_AndRejectsDuplicatesAndOverLimit()
    {
        await using var host = await SandboxHost.StartAsync(o => o.MaxAttachmentsPerCandidate = 2);
        var jobId = await host.PublicJobIdAsync();
        var id = (await host.CreateCandidateAsync(jobId, "cv@example.com")).GetProperty("id").GetString();
        var url = $"candidates/{id}/jobs/{jobId}/attachments";

        using var first = await host.Client.PostAsync(url, Form("RESUME", "cv.txt", "my cv"), TestContext.Current.CancellationToken);
        var (status, attachment) = await SandboxHost.ReadAsync(first);
        status.ShouldBe(201);
        attachment.GetProperty("type").GetString().ShouldBe("RESUME");
        attachment.GetProperty("name").GetString().ShouldBe("cv.txt");

        var list = await host.GetJsonAsync(url);
        list.GetProperty("totalFound").GetInt32().ShouldBe(1);

        var download = attachment.GetProperty("actions").GetProperty("download").GetProperty("url").GetString()!;
        (await host.Client.GetStringAsync(download, TestContext.Current.CancellationToken)).ShouldBe("my cv");

        using var sameName = await host.Client.PostAsync(url, Form("RESUME", "cv.txt", "other content"), TestContext.Current.CancellationToken);
        var (dupStatus, dup) = await SandboxHost.ReadAsync(sameName);
        dupStatus.ShouldBe(400);
        SandboxHost.ErrorCode(dup).ShouldBe("FILE_ALREADY_EXIST");

        using var sameContent = await host.Client.PostAsync(url, Form("GENERIC_FILE", "copy.txt", "my cv"), TestContext.Current.CancellationToken);
        ((int)sameContent.StatusCode).ShouldBe(400);

        using var second = await host.Client.PostAsync(url, Form("COVER_LETTER", "letter.txt", "hello"), TestContext.Current.CancellationToken);
        ((int)second.StatusCode).ShouldBe(201);

        using var third = await host.Client.PostAsync(url, Form("GENERIC_FILE", "more.txt", "more"), TestContext.Current.CancellationToken);
        var (limitStatus, limit) = await SandboxHost.ReadAsync(third);
        limitStatus.ShouldBe(422);
        SandboxHost.ErrorCode(limit).ShouldBe("ATTACHMENT_LIMIT_EXCEEDED");
    }

    [Fact]
    public async Task Upload_ToJobTheCandidateIsNotOn_Answers404()
    {
        await using var host = await SandboxHost.StartAsync();
        var jobId = await host.PublicJobIdAsync();
        var otherJob = await host.PublicJobIdAsync(1);
        var id = (await host.CreateCandidateAsync(jobId, "nojob@example.com")).GetProperty("id").GetString();
        using var response = await host.Client.PostAsync($"candidates/{id}/jobs/{otherJob}/attachments", Form("RESUME", "cv.txt", "x"), TestContext.Current.CancellationToken);
        ((int)response.StatusCode).ShouldBe(404);
    }
}
