package dev.ferry.engine.cutover;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Routing kept in a file the application reads (its whole content is the value), replaced atomically. */
public final class FileRoutingSwitch implements RoutingSwitch {
    private final Path file;

    public FileRoutingSwitch(Path file) {
        this.file = file;
    }

    @Override
    public String current() {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new FerryException(ErrorCode.CUTOVER, "Unable to read the routing file '" + file + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void switchTo(String value) {
        try {
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".routing", ".tmp");
            Files.writeString(tmp, value + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new FerryException(ErrorCode.CUTOVER, "Unable to write the routing file '" + file + "': " + e.getMessage(), e);
        }
    }
}
