package dev.ferry.functions.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Functions app as {@code mvn package} staged it: one {@code function.json} per function under
 * {@code target/azure-functions/ferry-migrations/}. This is what the host and the Java worker read,
 * so the kit reads it too instead of the annotations.
 */
public final class StagedApp {
    /** Where the azure-functions-maven-plugin stages the app (the pom's functionAppName). */
    public static final Path DEFAULT_DIR = Path.of("target", "azure-functions", "ferry-migrations");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One binding of a function.json. */
    public record Binding(String type, String direction, String name, String route, List<String> methods) {
        public boolean isOutput() {
            return "out".equals(direction) || "inout".equals(direction);
        }
    }

    /** One staged function: its name (the folder), its entry point and its bindings. */
    public record StagedFunction(String name, String className, String methodName, List<Binding> bindings) {
        public Optional<Binding> binding(String bindingName) {
            return bindings.stream().filter(b -> b.name().equals(bindingName)).findFirst();
        }

        /** The trigger binding (the one whose type ends in "Trigger"). */
        public Binding trigger() {
            return bindings.stream().filter(b -> b.type().endsWith("Trigger")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("function " + name + " has no trigger binding"));
        }
    }

    private final Map<String, StagedFunction> functions;

    private StagedApp(Map<String, StagedFunction> functions) {
        this.functions = functions;
    }

    /** Reads every function.json under {@code dir}; fails naming the folder when nothing is staged. */
    public static StagedApp load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no staged Functions app at " + dir.toAbsolutePath()
                    + ": run `mvn -DskipTests package` (the azure-functions-maven-plugin stages it) before this test");
        }
        Map<String, StagedFunction> found = new TreeMap<>();
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path folder : folders.filter(p -> Files.isRegularFile(p.resolve("function.json"))).toList()) {
                JsonNode json = JSON.readTree(folder.resolve("function.json").toFile());
                String entryPoint = json.path("entryPoint").asText();
                int dot = entryPoint.lastIndexOf('.');
                List<Binding> bindings = new ArrayList<>();
                json.path("bindings").forEach(b -> {
                    List<String> methods = new ArrayList<>();
                    b.path("methods").forEach(m -> methods.add(m.asText()));
                    bindings.add(new Binding(b.path("type").asText(), b.path("direction").asText(), b.path("name").asText(),
                            b.hasNonNull("route") ? b.get("route").asText() : null, List.copyOf(methods)));
                });
                String name = folder.getFileName().toString();
                found.put(name, new StagedFunction(name, entryPoint.substring(0, dot), entryPoint.substring(dot + 1), List.copyOf(bindings)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StagedApp(found);
    }

    /** An app of hand-made function entries, for testing the kit itself. */
    public static StagedApp of(List<StagedFunction> functions) {
        Map<String, StagedFunction> m = new TreeMap<>();
        functions.forEach(f -> m.put(f.name(), f));
        return new StagedApp(m);
    }

    public static StagedApp load() {
        return load(DEFAULT_DIR);
    }

    public List<StagedFunction> functions() {
        return List.copyOf(functions.values());
    }

    public StagedFunction function(String name) {
        StagedFunction f = functions.get(name);
        if (f == null) {
            throw new IllegalArgumentException("the staged app has no function '" + name + "' (it has " + functions.keySet() + ")");
        }
        return f;
    }

    /** The functions whose trigger binding has this type (orchestrationTrigger, activityTrigger, httpTrigger, ...). */
    public List<StagedFunction> byTrigger(String type) {
        return functions.values().stream().filter(f -> f.bindings().stream().anyMatch(b -> b.type().equals(type))).toList();
    }
}
