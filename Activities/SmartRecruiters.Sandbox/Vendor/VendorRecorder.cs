using System.Collections.Concurrent;

namespace SmartRecruiters.Sandbox.Vendor;

/// <summary>Requests received on <c>_vendor/{vendor}/…</c>, and the answer configured per vendor.</summary>
internal sealed class VendorRecorder
{
    private readonly ConcurrentDictionary<string, List<VendorRequest>> _requests = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, (int Status, string? Body)> _responses = new(StringComparer.OrdinalIgnoreCase);

    public void Record(VendorRequest request)
    {
        var list = _requests.GetOrAdd(request.Vendor, _ => []);
        lock (list)
        {
            list.Add(request);
        }
    }

    public List<VendorRequest> List(string vendor)
    {
        if (!_requests.TryGetValue(vendor, out var list))
        {
            return [];
        }

        lock (list)
        {
            return [.. list];
        }
    }

    public Dictionary<string, int> Counts() => _requests.ToDictionary(p => p.Key, p => { lock (p.Value) { return p.Value.Count; } });

    public void SetResponse(string vendor, int status, string? body) => _responses[vendor] = (status, body);

    public (int Status, string? Body)? ResponseFor(string vendor) => _responses.TryGetValue(vendor, out var r) ? r : null;

    public void Clear()
    {
        _requests.Clear();
        _responses.Clear();
    }
}
