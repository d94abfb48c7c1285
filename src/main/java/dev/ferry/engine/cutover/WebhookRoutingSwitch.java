package dev.ferry.engine.cutover;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Routing owned by the application: GET returns the current value, PUT sets it (2xx expected). */
public final class WebhookRoutingSwitch implements RoutingSwitch {
    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public WebhookRoutingSwitch(URI endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public String current() {
        return send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10)).GET().build()).strip();
    }

    @Override
    public void switchTo(String value) {
        send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10)).PUT(HttpRequest.BodyPublishers.ofString(value)).build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new FerryException(ErrorCode.CUTOVER, "Unable to " + request.method() + " the routing webhook " + endpoint.getHost()
                        + ": HTTP " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new FerryException(ErrorCode.CUTOVER, "Unable to reach the routing webhook " + endpoint.getHost() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(ErrorCode.CUTOVER, "Interrupted while switching routing", e);
        }
    }
}
