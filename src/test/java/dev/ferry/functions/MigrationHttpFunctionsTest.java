package dev.ferry.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import com.microsoft.durabletask.DurableTaskClient;
import com.microsoft.durabletask.OrchestrationMetadata;
import com.microsoft.durabletask.OrchestrationStatusQueryResult;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The HTTP functions turn the host's request and durableClient binding into API calls and answers, closing the client. */
class MigrationHttpFunctionsTest {
    private static final String BINDING = "{\"taskHubName\": \"ferry\", \"rpcBaseUrl\": \"http://127.0.0.1:4001/durabletask/\","
            + " \"requiredQueryStringParameters\": \"code=SYSTEMKEY\", \"somethingNew\": 1}";

    /** A response as the host would build it. */
    record Response(HttpStatusType status, Map<String, String> headers, Object body) implements HttpResponseMessage {
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

    private static HttpRequestMessage<Optional<String>> request(String url, String body) {
        @SuppressWarnings("unchecked")
        HttpRequestMessage<Optional<String>> req = mock(HttpRequestMessage.class);
        when(req.getUri()).thenReturn(URI.create(url));
        when(req.getHttpMethod()).thenReturn(HttpMethod.POST);
        when(req.getBody()).thenReturn(Optional.ofNullable(body));
        when(req.createResponseBuilder(any(HttpStatus.class))).thenAnswer(inv -> new HttpResponseMessage.Builder() {
            private HttpStatusType status = inv.getArgument(0);
            private final Map<String, String> headers = new HashMap<>();
            private Object body;

            @Override
            public HttpResponseMessage.Builder status(HttpStatusType s) {
                status = s;
                return this;
            }

            @Override
            public HttpResponseMessage.Builder header(String k, String v) {
                headers.put(k, v);
                return this;
            }

            @Override
            public HttpResponseMessage.Builder body(Object b) {
                body = b;
                return this;
            }

            @Override
            public HttpResponseMessage build() {
                return new Response(status, headers, body);
            }
        });
        return req;
    }

    @Test
    void startBuildsA202FromTheRequestsHostAndTheBindingsKey() {
        DurableTaskClient client = mock(DurableTaskClient.class);
        OrchestrationStatusQueryResult none = mock(OrchestrationStatusQueryResult.class);
        when(none.getOrchestrationState()).thenReturn(List.of());
        when(client.queryInstances(any())).thenReturn(none);
        HttpResponseMessage r = new MigrationHttpFunctions(b -> client).start(request("https://ferry.example/api/migrations",
                "{\"source\": \"jdbc:sqlserver://a\", \"target\": \"jdbc:postgresql://b/c\"}"), BINDING);
        assertThat(r.getStatusCode()).isEqualTo(202);
        assertThat(r.getHeader("Location")).startsWith("https://ferry.example/runtime/webhooks/durabletask/instances/ferry-")
                .endsWith("?code=SYSTEMKEY");
        verify(client).close();
    }

    @Test
    void unknownRunsAre404AndMalformedBodies400() {
        DurableTaskClient client = mock(DurableTaskClient.class);
        when(client.getInstanceMetadata("x", true)).thenReturn(mock(OrchestrationMetadata.class));
        MigrationHttpFunctions functions = new MigrationHttpFunctions(b -> client);
        assertThat(functions.status(request("https://ferry.example/api/migrations/x", null), "x", BINDING).getStatusCode()).isEqualTo(404);
        assertThat(functions.start(request("https://ferry.example/api/migrations", "{\"target\": 5}"), BINDING).getStatusCode())
                .isEqualTo(400);
    }

    @Test
    void theBindingIsReadForItsEndpointAndKey() {
        DurableClientBinding b = DurableClientBinding.parse(BINDING);
        assertThat(b.taskHubName()).isEqualTo("ferry");
        assertThat(b.requiredQueryStringParameters()).isEqualTo("code=SYSTEMKEY");
        assertThat(java.net.URI.create(b.rpcBaseUrl()).getPort()).isEqualTo(4001);
    }
}
