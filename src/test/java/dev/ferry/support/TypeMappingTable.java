package dev.ferry.support;

import dev.ferry.engine.model.DataType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the SQL Server type table of docs/type-mapping.md, so tests check the document people read. */
public final class TypeMappingTable {
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_0-9(), ]+)` \\| `([^`]+)`( \\+ `CHECK \\(([^`]+)\\)`)? \\| (yes|no) \\|");
    private static final Pattern DECLARED = Pattern.compile("([a-z_0-9]+)(?:\\((max|\\d+)(?:,(\\d+))?\\))?");

    /** One row: the source type, the PostgreSQL type, an optional CHECK with "col", and whether it warns. */
    public record Row(String source, String postgres, String check, boolean warns) {
        @Override
        public String toString() {
            return source + " -> " + postgres;
        }
    }

    private TypeMappingTable() {
    }

    public static List<Row> rows() {
        try {
            List<Row> rows = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("docs", "type-mapping.md"))) {
                Matcher m = ROW.matcher(line);
                if (m.find()) {
                    rows.add(new Row(m.group(1), m.group(2), m.group(4), m.group(5).equals("yes")));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a declared SQL Server type such as {@code decimal(18,2)}, {@code nvarchar(max)} or {@code datetime2(7)}. */
    public static DataType parse(String declared) {
        Matcher m = DECLARED.matcher(declared);
        if (!m.matches()) {
            throw new IllegalArgumentException(declared);
        }
        String name = m.group(1);
        String arg = m.group(2);
        if (arg == null) {
            return DataType.of(name);
        }
        if (arg.equals("max")) {
            return DataType.sized(name, DataType.MAX);
        }
        int n = Integer.parseInt(arg);
        return switch (name) {
            case "decimal", "numeric" -> DataType.numeric(name, n, Integer.parseInt(m.group(3)));
            case "time", "datetime2", "datetimeoffset", "float" -> new DataType(name, null, n, null);
            default -> DataType.sized(name, n);
        };
    }
}
