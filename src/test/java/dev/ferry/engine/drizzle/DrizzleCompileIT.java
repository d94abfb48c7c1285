package dev.ferry.engine.drizzle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The generated Drizzle schemas compile: TypeScript and drizzle-orm (pinned) are installed from the
 * npm registry into target/drizzle-check (reused between runs, npm's cache preferred) and
 * {@code tsc --noEmit} runs in strict mode. Skipped, saying so, only where npm is missing.
 */
class DrizzleCompileIT {
    static final String DRIZZLE_ORM = "0.45.4";
    static final String TYPESCRIPT = "5.9.3";
    private static final Path DIR = Path.of("target", "drizzle-check");

    @Test
    void generatedSchemasCompileWithTsc() throws Exception {
        assumeTrue(run(Path.of("."), 60, "npm", "--version").exit == 0, "npm is missing: the Drizzle schema was not compiled");
        Files.createDirectories(DIR);
        Files.writeString(DIR.resolve("package.json"), """
                {"name": "ferry-drizzle-check", "private": true,
                 "dependencies": {"drizzle-orm": "%s", "typescript": "%s"}}
                """.formatted(DRIZZLE_ORM, TYPESCRIPT));
        Files.writeString(DIR.resolve("tsconfig.json"), """
                {"compilerOptions": {"strict": true, "noEmit": true, "target": "ES2022", "module": "ESNext",
                  "moduleResolution": "Bundler", "skipLibCheck": true, "noUnusedLocals": false},
                 "include": ["*.ts"]}
                """);
        if (!Files.exists(DIR.resolve("node_modules/drizzle-orm/package.json"))
                || !Files.readString(DIR.resolve("node_modules/drizzle-orm/package.json")).contains("\"version\": \"" + DRIZZLE_ORM + "\"")) {
            Result install = run(DIR, 600, "npm", "install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error");
            assertThat(install.exit).as(install.output).isZero();
        }
        Files.writeString(DIR.resolve("sample.ts"), DrizzleSchemaGeneratorTest.sampleSchema());
        Files.writeString(DIR.resolve("fixture.ts"), DrizzleSchemaGeneratorTest.fixtureSchema());
        Result tsc = run(DIR, 300, "node", "node_modules/typescript/bin/tsc", "-p", ".");
        assertThat(tsc.exit).as(tsc.output).isZero();
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path dir, int seconds, String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return new Result(-1, notInstalled.getMessage());
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-2, "timed out: " + String.join(" ", command));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
