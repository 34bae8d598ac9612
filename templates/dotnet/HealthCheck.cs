namespace MultistageWebApp;

/// <summary>
/// The container's HEALTHCHECK: the app's own binary asks the running server for /healthz, so the
/// image needs neither a shell nor curl (chiseled and AOT images have neither).
/// </summary>
public static class HealthCheck
{
    /// <returns>0 when the server answers "ok", else 1, as Docker's HEALTHCHECK expects.</returns>
    public static async Task<int> RunAsync(ServerSettings settings)
    {
        // Shorter than the HEALTHCHECK --timeout, so a hung server reads as unhealthy, not as a timeout.
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await client.GetAsync(settings.HealthUrl);
            var body = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode && body.Trim() == "ok")
            {
                return 0;
            }

            Console.Error.WriteLine($"unhealthy: {settings.HealthUrl} answered {(int)response.StatusCode} \"{body}\"");
            return 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"unhealthy: {settings.HealthUrl}: {exception.Message}");
            return 1;
        }
    }
}
