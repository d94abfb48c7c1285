package dev.ferry.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of this build (tests included) in a new JVM capped at {@code -Xmx512m} that
 * exits on OutOfMemoryError, so that a memory bound is proven by a real JVM (issue 15.5).
 */
public final class CappedJvm {
    private CappedJvm() {
    }

    /** What a run printed, and its exit status. */
    public record Run(int exit, String out) {
    }

    /** {@code main} of {@code mainClass} with {@code args}, waited for up to 5 minutes; its output kept in {@code dir}. */
    public static Run run(Path dir, Class<?> mainClass, String... args) throws Exception {
        File log = dir.resolve("jvm-" + System.nanoTime() + ".log").toFile();
        Process p = start(log, mainClass, args);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(mainClass.getSimpleName() + " " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Run(p.exitValue(), read(log));
    }

    /** Starts {@code main} of {@code mainClass}, its output to {@code log}. */
    public static Process start(File log, Class<?> mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
    }

    /** The text of {@code log}, or why it cannot be read. */
    public static String read(File log) {
        try {
            return Files.readString(log.toPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
