package dev.ferry.engine.cutover;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** An HTTP GET of the application's health endpoint: healthy below status 500 and within the timeout. */
public final class HttpProbe implements HealthProbe {
    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HttpProbe(URI url) {
        this.url = url;
    }

    @Override
    public Result probe() {
        long started = System.nanoTime();
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            long ms = (System.nanoTime() - started) / 1_000_000;
            return new Result("http " + url.getPath(), r.statusCode() < 500, ms, "HTTP " + r.statusCode());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new Result("http " + url.getPath(), false, (System.nanoTime() - started) / 1_000_000, e.toString());
        }
    }
}
