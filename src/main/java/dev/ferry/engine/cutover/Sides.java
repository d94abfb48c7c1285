package dev.ferry.engine.cutover;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** One connection of a side (source or target) for one piece of cutover work, in autocommit, always closed. */
final class Sides {
    private Sides() {
    }

    static void withConnection(Supplier<Connection> side, Consumer<Connection> work) {
        withResult(side, c -> {
            work.accept(c);
            return null;
        });
    }

    static <T> T withResult(Supplier<Connection> side, Function<Connection, T> work) {
        try (Connection c = side.get()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return work.apply(c);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to use a connection during the cutover", e);
        }
    }
}
