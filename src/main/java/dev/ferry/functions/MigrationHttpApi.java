package dev.ferry.functions;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.microsoft.durabletask.DurableTaskClient;
import com.microsoft.durabletask.NewOrchestrationInstanceOptions;
import com.microsoft.durabletask.OrchestrationMetadata;
import com.microsoft.durabletask.OrchestrationRuntimeStatus;
import com.microsoft.durabletask.OrchestrationStatusQuery;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.workflow.WorkflowStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The migrations API, independent of the Functions host: start (202 with the status links, 400
 * naming the bad field, 409 when a run for the same target is active), status (200 or 404), and
 * the approve-cutover and rollback events (202 or 404). Run ids are instance ids of the form
 * {@code ferry-<target hash>-<uuid>}, so the active runs of a target are found by prefix.
 */
public final class MigrationHttpApi {
    public static final String APPROVE_EVENT = dev.ferry.engine.workflow.CutoverWorkflow.APPROVE_EVENT;
    public static final String ROLLBACK_EVENT = dev.ferry.engine.workflow.CutoverWorkflow.ROLLBACK_EVENT;
    public static final String START_CUTOVER_EVENT = dev.ferry.engine.workflow.CutoverWorkflow.START_EVENT;
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final List<OrchestrationRuntimeStatus> ACTIVE = List.of(OrchestrationRuntimeStatus.PENDING,
            OrchestrationRuntimeStatus.RUNNING, OrchestrationRuntimeStatus.SUSPENDED);

    private final DurableTaskClient client;
    private final String baseUrl;
    private final String requiredQuery;

    /**
     * @param baseUrl       scheme and authority of the incoming request, e.g. {@code https://ferry.azurewebsites.net}
     * @param requiredQuery the binding's required query string (system key); never logged
     */
    public MigrationHttpApi(DurableTaskClient client, String baseUrl, String requiredQuery) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.requiredQuery = requiredQuery == null ? "" : requiredQuery;
    }

    public ApiResponse start(String body) {
        MigrationRequest request;
        try {
            if (body == null || body.isBlank()) {
                return ApiResponse.error(400, "Unable to start a migration: the body is empty; send JSON with 'source' and 'target'");
            }
            request = JSON.readValue(body, MigrationRequest.class).validated();
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                    .collect(Collectors.joining("."));
            return ApiResponse.error(400, "Unable to read field '" + field + "': " + e.getOriginalMessage());
        } catch (FerryException e) {
            return ApiResponse.error(400, e.getMessage());
        } catch (java.io.IOException e) {
            return ApiResponse.error(400, "Unable to read the body as JSON: " + e.getMessage());
        }
        String prefix = "ferry-" + targetHash(request.target()) + "-";
        var active = client.queryInstances(new OrchestrationStatusQuery().setInstanceIdPrefix(prefix).setRuntimeStatusList(ACTIVE));
        if (!active.getOrchestrationState().isEmpty()) {
            return ApiResponse.error(409, "Unable to start: run " + active.getOrchestrationState().get(0).getInstanceId()
                    + " is active on this target");
        }
        String id = prefix + UUID.randomUUID();
        client.scheduleNewOrchestrationInstance(FunctionNames.ORCHESTRATOR,
                new NewOrchestrationInstanceOptions().setInstanceId(id).setInput(request));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Location", links(id).get("statusQueryGetUri"));
        return new ApiResponse(202, headers, links(id));
    }

    public ApiResponse status(String id) {
        OrchestrationMetadata m = client.getInstanceMetadata(id, true);
        if (m == null || !m.isInstanceFound()) {
            return ApiResponse.error(404, "No migration run '" + id + "'");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("runtimeStatus", m.getRuntimeStatus().name());
        body.put("createdAt", String.valueOf(m.getCreatedAt()));
        body.put("lastUpdatedAt", String.valueOf(m.getLastUpdatedAt()));
        body.put("progress", m.isCustomStatusFetched() ? m.readCustomStatusAs(WorkflowStatus.class) : null);
        if (m.getFailureDetails() != null && m.getFailureDetails().getErrorMessage() != null
                && !m.getFailureDetails().getErrorMessage().isEmpty()) {
            body.put("failure", m.getFailureDetails().getErrorMessage());
        }
        if (m.getSerializedOutput() != null) {
            // plain maps and lists: the worker writes the body with Gson, which cannot write Jackson's tree nodes
            body.put("output", readOutput(m.getSerializedOutput()));
        }
        return ApiResponse.of(200, body);
    }

    /**
     * The run's report page, the same report.html the command line writes (docs/report.md), from the
     * run's output: 404 for an unknown run, 409 while it has no output yet.
     */
    public ApiResponse report(String id) {
        OrchestrationMetadata m = client.getInstanceMetadata(id, true);
        if (m == null || !m.isInstanceFound()) {
            return ApiResponse.error(404, "No migration run '" + id + "'");
        }
        if (m.getSerializedOutput() == null) {
            return ApiResponse.error(409, "Run '" + id + "' is " + m.getRuntimeStatus().name().toLowerCase(java.util.Locale.ROOT)
                    + ": its report is there once it has ended");
        }
        MigrationOrchestrator.RunResult result;
        try {
            result = JSON.readValue(m.getSerializedOutput(), MigrationOrchestrator.RunResult.class);
        } catch (java.io.IOException e) {
            return ApiResponse.error(500, "Unable to read the output of run '" + id + "': " + e.getMessage());
        }
        java.time.Instant ended = m.getLastUpdatedAt();
        double seconds = m.getCreatedAt() != null && ended != null ? java.time.Duration.between(m.getCreatedAt(), ended).toMillis() / 1e3 : -1;
        String html = dev.ferry.engine.report.HtmlReportWriter.render(new dev.ferry.engine.report.MigrationReport("migration run " + id,
                ended != null ? ended : java.time.Instant.EPOCH, seconds, null,
                result.migration() == null ? null : result.migration().validation(), result.cutover(), null));
        return new ApiResponse(200, Map.of("Content-Type", "text/html; charset=utf-8"), html);
    }

    public ApiResponse raise(String id, String event, String body) {
        OrchestrationMetadata m = client.getInstanceMetadata(id, false);
        if (m == null || !m.isInstanceFound()) {
            return ApiResponse.error(404, "No migration run '" + id + "'");
        }
        if (!m.isRunning()) {
            return ApiResponse.error(409, "Run '" + id + "' is " + m.getRuntimeStatus().name().toLowerCase(java.util.Locale.ROOT)
                    + ": it takes no more events");
        }
        client.raiseEvent(id, event, body == null || body.isBlank() ? null : body);
        return ApiResponse.of(202, Map.of("id", id, "event", event));
    }

    private static Object readOutput(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (java.io.IOException e) {
            return json;
        }
    }

    /** The Durable extension's management URLs for a run. */
    Map<String, String> links(String id) {
        String instance = baseUrl + "/runtime/webhooks/durabletask/instances/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        String q = requiredQuery.isEmpty() ? "" : "?" + requiredQuery;
        String amp = requiredQuery.isEmpty() ? "?" : "&";
        Map<String, String> links = new LinkedHashMap<>();
        links.put("id", id);
        links.put("statusQueryGetUri", instance + q);
        links.put("sendEventPostUri", instance + "/raiseEvent/{eventName}" + q);
        links.put("terminatePostUri", instance + "/terminate" + q + amp + "reason={text}");
        links.put("purgeHistoryDeleteUri", instance + q);
        return links;
    }

    static String targetHash(String target) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(target.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
