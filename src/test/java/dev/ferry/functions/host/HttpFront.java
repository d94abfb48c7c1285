package dev.ferry.functions.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import dev.ferry.functions.host.StagedApp.Binding;
import dev.ferry.functions.host.StagedApp.StagedFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The host's HTTP front for the staged app: a request is routed by the httpTrigger bindings'
 * {@code route} and {@code methods} (under {@code /api/}), the function is invoked through the
 * {@link JavaWorker} with the request, its route parameters and the durableClient binding's JSON
 * pointing at the {@link Sidecar}, and the answer is read from the {@code $return} http binding with
 * its body as the worker writes it (strings as they are, objects as Gson JSON).
 */
public final class HttpFront {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://ferry-migrations.azurewebsites.net";
    private final StagedApp app;
    private final JavaWorker worker;
    private final String clientBinding;

    /** An HTTP answer as a caller sees it. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("the body is not JSON: " + body, e);
            }
        }
    }

    public HttpFront(StagedApp app, JavaWorker worker, Sidecar sidecar) {
        this.app = app;
        this.worker = worker;
        this.clientBinding = sidecar.bindingJson("FerryHub", "kit-system-key");
    }

    public Answer post(String path, String body) {
        return call(HttpMethod.POST, path, body);
    }

    public Answer get(String path) {
        return call(HttpMethod.GET, path, null);
    }

    private Answer call(HttpMethod method, String path, String body) {
        String route = path.startsWith("/api/") ? path.substring(5) : path;
        for (StagedFunction f : app.byTrigger("httpTrigger")) {
            Binding trigger = f.trigger();
            Map<String, String> params = match(trigger.route(), route);
            if (params != null && trigger.methods().stream().anyMatch(m -> m.equalsIgnoreCase(method.name()))) {
                Map<String, Object> inputs = new HashMap<>(params);
                inputs.put(trigger.name(), new Request(URI.create(BASE + "/api/" + route), method, body));
                f.bindings().stream().filter(b -> b.type().equals("durableClient")).forEach(b -> inputs.put(b.name(), clientBinding));
                JavaWorker.Output out = worker.invoke(f, inputs, null);
                if (out.kind() != JavaWorker.Output.Kind.HTTP) {
                    throw new AssertionError(f.name() + " answered no HTTP response but " + out.kind());
                }
                Response r = (Response) out.value();
                JavaWorker.Output b = JavaWorker.typed(r.body);
                return new Answer(r.getStatusCode(), r.headers, r.body == null ? null : b.text());
            }
        }
        return new Answer(404, Map.of(), null);
    }

    /** Route parameters when {@code template} (e.g. migrations/{id}/rollback) matches {@code route}, else null. */
    static Map<String, String> match(String template, String route) {
        String[] t = template.split("/");
        String[] r = route.split("/");
        if (t.length != r.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i].startsWith("{") && t[i].endsWith("}")) {
                params.put(t[i].substring(1, t[i].length() - 1), r[i]);
            } else if (!t[i].toLowerCase(Locale.ROOT).equals(r[i].toLowerCase(Locale.ROOT))) {
                return null;
            }
        }
        return params;
    }

    /** The request the worker hands an HTTP function. */
    private record Request(URI uri, HttpMethod method, String body) implements HttpRequestMessage<Optional<String>> {
        @Override
        public URI getUri() {
            return uri;
        }

        @Override
        public HttpMethod getHttpMethod() {
            return method;
        }

        @Override
        public Map<String, String> getHeaders() {
            return Map.of("content-type", "application/json");
        }

        @Override
        public Map<String, String> getQueryParameters() {
            return Map.of();
        }

        @Override
        public Optional<String> getBody() {
            return Optional.ofNullable(body);
        }

        @Override
        public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
            return new Response(status);
        }

        @Override
        public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
            return new Response(status);
        }
    }

    /** The worker's response object: builder and response in one, as its RpcHttpDataTarget is. */
    private static final class Response implements HttpResponseMessage, HttpResponseMessage.Builder {
        private HttpStatusType status;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Object body;

        Response(HttpStatusType status) {
            this.status = status;
        }

        @Override
        public HttpResponseMessage.Builder status(HttpStatusType s) {
            status = s;
            return this;
        }

        @Override
        public HttpResponseMessage.Builder header(String key, String value) {
            headers.put(key, value);
            return this;
        }

        @Override
        public HttpResponseMessage.Builder body(Object b) {
            body = b;
            return this;
        }

        @Override
        public HttpResponseMessage build() {
            return this;
        }

        @Override
        public HttpStatusType getStatus() {
            return status;
        }

        @Override
        public String getHeader(String key) {
            return headers.get(key);
        }

        @Override
        public Object getBody() {
            return body;
        }
    }
}
