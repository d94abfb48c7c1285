package dev.ferry.functions.host;

import com.microsoft.azure.functions.ExecutionContext;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A function invoked through the {@link JavaWorker} in a worker process of its own, whose environment
 * holds the app settings, as the Functions host starts the Java worker. For functions that read their
 * settings from the environment (the nightly parity timer). {@link #main} is the worker side.
 */
public final class WorkerProcess {
    /** What the invocation printed and how it ended. */
    public record Result(int exitCode, String output) {
    }

    private WorkerProcess() {
    }

    /** Invokes staged function {@code function} with {@code trigger} as its trigger binding's value, {@code settings} as the environment. */
    public static Result invoke(String function, String trigger, Map<String, String> settings, long timeoutSeconds) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WorkerProcess.class.getName(), function, trigger));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(new File(System.getProperty("user.dir")));
        pb.environment().putAll(settings);
        Process p = pb.start();
        byte[] out;
        try (var in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the worker process running " + function + " did not end within " + timeoutSeconds + " s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    public static void main(String[] args) {
        StagedApp app = StagedApp.load();
        StagedApp.StagedFunction f = app.function(args[0]);
        Logger logger = Logger.getLogger("Function." + f.name());
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                System.out.println(r.getLevel() + " " + r.getMessage());
            }

            @Override
            public void flush() {
                System.out.flush();
            }

            @Override
            public void close() {
            }
        });
        ExecutionContext context = new ExecutionContext() {
            @Override
            public Logger getLogger() {
                return logger;
            }

            @Override
            public String getInvocationId() {
                return "kit-invocation";
            }

            @Override
            public String getFunctionName() {
                return f.name();
            }
        };
        try {
            JavaWorker.Output out = JavaWorker.staged(StagedApp.DEFAULT_DIR.resolve("ferry.jar"))
                    .invoke(f, Map.of(f.trigger().name(), args[1]), context);
            System.out.println("RESULT " + out.kind() + " " + out.text());
            System.exit(0);
        } catch (JavaWorker.FunctionFailedException e) {
            System.out.println("FAILED " + e.getCause());
            System.exit(1);
        }
    }
}
