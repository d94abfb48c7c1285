package dev.ferry.engine.source.expr;

import dev.ferry.engine.model.TableRef;
import java.util.List;

/**
 * A view's query in PostgreSQL ({@code sql}) with the source tables and views it reads, or the
 * {@code problem} that stopped it. Never both.
 */
public record ViewTranslation(String sql, List<TableRef> reads, String problem) {
    public ViewTranslation {
        reads = List.copyOf(reads);
    }

    public static ViewTranslation ok(String sql, List<TableRef> reads) {
        return new ViewTranslation(sql, reads, null);
    }

    public static ViewTranslation failed(String problem) {
        return new ViewTranslation(null, List.of(), problem);
    }

    public boolean isOk() {
        return problem == null;
    }
}
