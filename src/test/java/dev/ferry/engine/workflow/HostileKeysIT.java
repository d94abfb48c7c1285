package dev.ferry.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12.1: chunk bounds are SQL literals in the pass-through's {@code COPY (SELECT …)}. Keys full
 * of {@code ?}, quotes, backslashes, dollar signs, control characters, emoji and 2 000 characters,
 * in a table and column whose names hold the same, each key a chunk bound (one row per chunk), with
 * the source's {@code standard_conforming_strings} on and off: every row arrives exactly once.
 */
class HostileKeysIT {
    private static final String TABLE = "\"T\"\"a'b;c ?$1\\d\"";
    private static final String PAIR = "\"pair?\"";

    static List<String> keys() {
        List<String> keys = new ArrayList<>(List.of("https://example.com/page?id=143", "'k?00001?'", "k?00001?", "?", "??", "'",
                "''", "\"", "\\", "a\\", "\\'", "'\\", "$1", "$$x$$", "$$", "$1 ?", "' AND false) --", "') TO STDOUT --",
                "\t", "\n", "tab\there", "line\nbreak", "\r\n", "\u0001ctl\u001f", "\u007f", "😀", "emoji 😀 ?", "E'x'",
                "x'||'y", "/* ? */", "-- ?", ";", "\\x41", "%s", "{}"));
        keys.add("k".repeat(1999) + "?");
        keys.add("'".repeat(1000) + "?".repeat(1000));
        return keys;
    }

    @ParameterizedTest(name = "standard_conforming_strings={0}, row copy={1}")
    @CsvSource({"on,false", "off,false", "on,true", "off,true"})
    void everyHostileKeyIsAChunkBoundAndEveryRowArrivesOnce(String standardConformingStrings, boolean rowCopy) throws Exception {
        String source = TestPostgres.newDatabase("hostile_src");
        String db = source.substring(source.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        List<String> keys = keys();
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + TABLE + " (\"id?\" text COLLATE \"C\" PRIMARY KEY, \"v$1\" text, \"?\" integer)");
            st.execute("CREATE TABLE " + PAIR + " (\"a?\" text COLLATE \"C\", \"b'\" text COLLATE \"C\", n integer, PRIMARY KEY (\"a?\", \"b'\"))");
            try (PreparedStatement one = c.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?, ?)");
                 PreparedStatement two = c.prepareStatement("INSERT INTO " + PAIR + " VALUES (?, ?, ?)")) {
                for (int i = 0; i < keys.size(); i++) {
                    one.setString(1, keys.get(i));
                    one.setString(2, "value of " + keys.get(i));
                    one.setInt(3, i);
                    one.addBatch();
                    for (int j = 0; j < 3; j++) {
                        two.setString(1, keys.get(i));
                        two.setString(2, keys.get((i + j) % keys.size()));
                        two.setInt(3, i * 10 + j);
                        two.addBatch();
                    }
                }
                one.executeBatch();
                two.executeBatch();
            }
            st.execute("ALTER DATABASE " + db + " SET standard_conforming_strings = " + standardConformingStrings);
        }
        String target = TestPostgres.newDatabase("hostile_tgt");

        MigrationRunner.Result r = Migrations.run(source, target, MigrationConfig.defaults(),
                Migrations.small().withChunkRows(1).withRowCopy(rowCopy));

        assertThat(r.report().rows()).isEqualTo(keys.size() * 4L);
        assertThat(r.report().tables()).filteredOn(t -> t.source().equals("public.T\"a'b;c ?$1\\d")).singleElement()
                .satisfies(t -> assertThat(t.chunks()).as("every key is a bound; the last chunk follows the last key")
                        .isEqualTo(keys.size() + 1));
        assertThat(Migrations.fingerprint(target, TABLE, "\"id?\" COLLATE \"C\""))
                .isEqualTo(Migrations.fingerprint(source, TABLE, "\"id?\" COLLATE \"C\""));
        assertThat(Migrations.fingerprint(target, PAIR, "\"a?\" COLLATE \"C\", \"b'\" COLLATE \"C\""))
                .isEqualTo(Migrations.fingerprint(source, PAIR, "\"a?\" COLLATE \"C\", \"b'\" COLLATE \"C\""));
        assertThat(Migrations.count(target, "ferry.chunk WHERE status <> 'done'")).isZero();
    }
}
