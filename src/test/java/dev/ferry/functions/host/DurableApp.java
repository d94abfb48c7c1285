package dev.ferry.functions.host;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The staged Functions app under the kit, as a deployment has it: the Durable extension
 * ({@link DurableHost} over a {@link HubStore}), its gRPC endpoint ({@link Sidecar}) and the HTTP
 * front ({@link HttpFront}), all invoking functions through the {@link JavaWorker}. Close it to
 * stop the sidecar.
 */
public final class DurableApp implements AutoCloseable {
    public final HubStore store;
    public final StagedApp app = StagedApp.load();
    public final JavaWorker worker = JavaWorker.staged(StagedApp.DEFAULT_DIR.resolve("ferry.jar"));
    public final Sidecar sidecar;
    public final HttpFront http;
    private DurableHost host;

    public DurableApp(HubStore store) {
        this.store = store;
        this.sidecar = Sidecar.start(store);
        this.http = new HttpFront(app, worker, sidecar);
        this.host = new DurableHost(store, app, worker);
    }

    public DurableApp() {
        this(new HubStore());
    }

    public DurableHost host() {
        return host;
    }

    /** A host restart: a new extension and executor over the same task hub (history, queues, timers). */
    public DurableHost restart() {
        host = new DurableHost(store, app, worker);
        return host;
    }

    /** POST /api/migrations; returns the run id from a 202, or fails showing the answer. */
    public String start(String body) {
        HttpFront.Answer a = http.post("/api/migrations", body);
        if (a.status() != 202) {
            throw new AssertionError("POST /api/migrations answered " + a.status() + ": " + a.body());
        }
        return a.json().path("id").asText();
    }

    /** GET /api/migrations/{id} as JSON (200 expected). */
    public JsonNode status(String id) {
        HttpFront.Answer a = http.get("/api/migrations/" + id);
        if (a.status() != 200) {
            throw new AssertionError("GET /api/migrations/" + id + " answered " + a.status() + ": " + a.body());
        }
        return a.json();
    }

    /** The phase of the run's custom status, as the status API shows it. */
    public String phase(String id) {
        return status(id).path("progress").path("phase").asText(null);
    }

    /** Runs the app until run {@code id} has ended; returns what GET /api/migrations/{id} then shows. */
    public JsonNode runToEnd(String id, int maxSteps) {
        host.runToCompletion(id, maxSteps);
        return status(id);
    }

    @Override
    public void close() throws InterruptedException {
        sidecar.close();
    }
}
