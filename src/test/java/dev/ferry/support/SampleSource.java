package dev.ferry.support;

import dev.ferry.sample.SampleDataGenerator;
import dev.ferry.sample.SampleDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The Kitchen Pantry CRM sample in a fresh in-memory H2 database. */
public final class SampleSource {
    private SampleSource() {
    }

    /** Creates the schema and, when {@code scale > 0}, the data; returns the H2 URL. */
    public static String create(String name, int scale) throws SQLException {
        String url = SampleDatabase.h2Url(name + "_" + System.nanoTime());
        try (Connection c = DriverManager.getConnection(url)) {
            SampleDatabase.createSchema(c);
            if (scale > 0) {
                new SampleDataGenerator(42, scale).populate(c);
            }
        }
        return url;
    }
}
