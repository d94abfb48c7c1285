package dev.ferry.engine.cutover;

import java.sql.Connection;
import java.sql.Statement;
import java.util.function.Supplier;

/** A query on the target, timed: the database answers, and how fast. */
public final class SqlProbe implements HealthProbe {
    private final Supplier<Connection> target;
    private final String sql;

    public SqlProbe(Supplier<Connection> target, String sql) {
        this.target = target;
        this.sql = sql;
    }

    @Override
    public Result probe() {
        long started = System.nanoTime();
        try (Connection c = target.get(); Statement st = c.createStatement()) {
            st.setQueryTimeout(5);
            st.execute(sql);
            return new Result("sql", true, (System.nanoTime() - started) / 1_000_000, "ok");
        } catch (Exception e) {
            return new Result("sql", false, (System.nanoTime() - started) / 1_000_000, e.getMessage());
        }
    }
}
