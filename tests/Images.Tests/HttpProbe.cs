using System.Diagnostics;

namespace Images.Tests;

/// <summary>GETs a URL on loopback, retrying until it answers or the time is up (the app may still be starting).</summary>
public static class HttpProbe
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static async Task<HttpAnswer> GetAsync(string url, TimeSpan within, Func<Task<bool>>? stillWorthWaiting = null)
    {
        var clock = Stopwatch.StartNew();
        string error;
        do
        {
            try
            {
                using var response = await Client.GetAsync(url);
                return new HttpAnswer((int)response.StatusCode, (await response.Content.ReadAsStringAsync()).Trim(), null);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                error = $"GET {url}: {e.Message}";
            }

            if (stillWorthWaiting is not null && !await stillWorthWaiting())
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }
        while (clock.Elapsed < within);

        return new HttpAnswer(null, "", error);
    }
}
