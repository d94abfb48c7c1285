package dev.ferry.sample;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Fills the sample schema with deterministic CRM data: the same seed and scale always give the
 * same rows. {@code scale} is the number of organizations; other tables grow with it. The first
 * rows of each table carry {@link EdgeValues}. Works on any JDBC database holding the sample schema
 * with its names kept (H2 in SQL Server mode, or PostgreSQL after Ferry created it).
 */
public final class SampleDataGenerator {
    private static final int BATCH = 500;
    private static final String[] SEGMENTS = {"Fine Dining", "Casual Dining", "Fast Food", "Healthcare", "Education", "Catering"};
    private static final String[] STAGES = {"LEAD", "QUALIFIED", "PROPOSAL", "NEGOTIATION", "CLOSED_WON", "CLOSED_LOST"};
    private static final String[] TYPES = {"CALL", "EMAIL", "MEETING", "VISIT", "NOTE"};
    private static final String[] WORDS = {"pantry", "kitchen", "spice", "olive", "basil", "tomato", "flour", "sugar",
            "salt", "pepper", "garlic", "onion", "butter", "cream", "cheese", "bread", "pasta", "rice"};

    private final SplittableRandom random;
    private final int scale;

    public SampleDataGenerator(long seed, int scale) {
        if (scale < 1) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to generate sample data: scale must be at least 1, was " + scale);
        }
        this.random = new SplittableRandom(seed);
        this.scale = scale;
    }

    /** Row counts per table for this scale. */
    public Map<String, Integer> rowCounts() {
        int users = users();
        return Map.of("User", users, "Account", users, "Session", users * 2, "VerificationToken", Math.max(1, users / 2),
                "Organization", scale, "Contact", scale * 3, "OrganizationUser", scale, "Opportunity", scale * 2,
                "Interaction", scale * 5, "Setting", 50);
    }

    public int totalRows() {
        return rowCounts().values().stream().mapToInt(Integer::intValue).sum();
    }

    private int users() {
        return Math.max(10, scale / 5);
    }

    /** Inserts every row; commits in batches. */
    public void populate(Connection c) {
        try {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            Map<String, Integer> n = rowCounts();
            users(c, n.get("User"));
            insert(c, "Account", List.of("id", "userId", "type", "provider", "providerAccountId", "refresh_token",
                    "access_token", "expires_at", "token_type", "scope", "id_token", "session_state"), n.get("Account"), i -> new Object[] {
                    id("acc", i), id("usr", i), "oauth", i % 2 == 0 ? "azure-ad" : "google", "pa-" + i, text(i, 60),
                    text(i + 1, 40), i == 0 ? Integer.MAX_VALUE : i == 1 ? Integer.MIN_VALUE : 1_700_000_000 + i, "Bearer",
                    "openid profile email", i % 3 == 0 ? null : text(i + 2, 120), null});
            insert(c, "Session", List.of("id", "sessionToken", "userId", "expires", "userAgent"), n.get("Session"), i -> new Object[] {
                    id("ses", i), "tok-" + Long.toHexString(random.nextLong()) + "-" + i, id("usr", i % users()), timestamp(i), text(i, 30)});
            insert(c, "VerificationToken", List.of("identifier", "token", "expires"), n.get("VerificationToken"), i -> new Object[] {
                    "user" + i + "@example.com", "vt-" + i + "-" + Long.toHexString(random.nextLong()), timestamp(i)});
            organizations(c, n.get("Organization"));
            contacts(c, n.get("Contact"));
            insert(c, "OrganizationUser", List.of("id", "organizationId", "userId", "role", "createdAt"), n.get("OrganizationUser"),
                    i -> new Object[] {id("ou", i), id("org", i), id("usr", i % users()), i % 4 == 0 ? "OWNER" : "MEMBER", timestamp(i)});
            opportunities(c, n.get("Opportunity"));
            interactions(c, n.get("Interaction"));
            settings(c, n.get("Setting"));
            c.commit();
            c.setAutoCommit(auto);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.DATA, "Unable to generate the sample data", e);
        }
    }

    private void users(Connection c, int count) throws SQLException {
        insert(c, "User", List.of("id", "email", "name", "passwordHash", "role", "isActive", "loginCount", "emailVerified",
                "image", "createdAt", "updatedAt"), count, i -> new Object[] {
                id("usr", i), "user" + i + "@kitchenpantry.example", i < EdgeValues.TEXT.size() ? EdgeValues.TEXT.get(i) : name(),
                i % 5 == 0 ? null : Long.toHexString(random.nextLong()), i == 0 ? "ADMIN" : "USER", i % 7 != 0, i,
                i % 2 == 0 ? null : timestamp(i), null, timestamp(i), timestamp(i + 1)});
    }

    private void organizations(Connection c, int count) throws SQLException {
        insert(c, "Organization", List.of("id", "externalId", "name", "priority", "segment", "distributor", "accountManagerId",
                "createdById", "parentOrganizationId", "address", "city", "state", "zipCode", "phone", "email", "website",
                "notes", "annualRevenue", "creditLimit", "latitude", "longitude", "employeeCount", "isActive",
                "lastContactedAt", "createdAt", "updatedAt"), count, i -> new Object[] {
                id("org", i), new UUID(random.nextLong(), random.nextLong()), "Organization " + i + " " + word(),
                String.valueOf("ABCD".charAt(i % 4)), SEGMENTS[i % SEGMENTS.length],
                i % 3 == 0 ? null : i % 3 == 1 ? "" : "Sysco", i % 4 == 0 ? null : id("usr", i % users()), id("usr", 0),
                i > 0 && i % 10 == 0 ? id("org", i - 1) : null, (100 + i) + " Main St", "Springfield", "IL", "62701",
                "+1-555-" + (1000 + i % 9000), i % 5 == 0 ? "" : "org" + i + "@example.com", null,
                edge(EdgeValues.TEXT, i, () -> text(i, 200)), edge(EdgeValues.DECIMAL_18_2, i, () -> money(1_000_000_00L, 2)),
                edge(EdgeValues.MONEY, i, () -> money(1_000_000_0000L, 4)), edge(EdgeValues.FLOATS, i, () -> random.nextDouble() * 180 - 90),
                edge(EdgeValues.REALS, i, () -> (float) (random.nextDouble() * 360 - 180)),
                i == 0 ? Short.MAX_VALUE : i == 1 ? Short.MIN_VALUE : (short) random.nextInt(5000), i % 9 != 0,
                edge(EdgeValues.DATETIME, i, () -> timestamp(i).withNano(random.nextInt(1000) / 10 * 10_000_000)),
                timestamp(i), timestamp(i + 2)});
    }

    private void contacts(Connection c, int count) throws SQLException {
        insert(c, "Contact", List.of("id", "organizationId", "firstName", "lastName", "email", "phone", "position", "isPrimary",
                "avatar", "birthday", "notes", "createdById", "createdAt", "updatedAt"), count, i -> new Object[] {
                id("con", i), id("org", i % scale), name(), i < EdgeValues.TEXT.size() ? EdgeValues.TEXT.get(i) : name(),
                i % 6 == 0 ? null : i % 6 == 1 ? "" : "contact" + i + "@example.com", "+1-555-" + (1000 + i % 9000),
                i % 4 == 0 ? "Chef" : "Buyer", i % 3 == 0, edge(EdgeValues.BYTES, i, () -> i % 2 == 0 ? null : bytes(16)),
                edge(EdgeValues.DATES, i, () -> LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28))),
                i % 2 == 0 ? null : text(i, 80), i % 5 == 0 ? null : id("usr", i % users()), timestamp(i), timestamp(i + 1)});
    }

    private void opportunities(Connection c, int count) throws SQLException {
        insert(c, "Opportunity", List.of("id", "organizationId", "contactId", "ownerId", "name", "stage", "status", "probability",
                "amount", "commission", "weightedAmount", "expectedCloseDate", "principal", "notes", "deletedAt", "createdAt",
                "updatedAt"), count, i -> new Object[] {
                id("opp", i), id("org", i % scale), i % 4 == 0 ? null : id("con", i % (scale * 3)), id("usr", i % users()),
                "Deal " + i + " " + word(), STAGES[i % STAGES.length], i % 6 >= 4 ? "CLOSED" : "OPEN", (short) (i % 101),
                edge(EdgeValues.DECIMAL_12_2, i, () -> money(10_000_000L, 2)), edge(EdgeValues.SMALLMONEY, i, () -> money(100_000L, 4)),
                edge(EdgeValues.DECIMAL_38_10, i, () -> money(1_000_000_000L, 10)),
                edge(EdgeValues.DATES, i, () -> LocalDate.of(2025, 1 + i % 12, 1 + i % 28)), i % 2 == 0 ? "Chef's Warehouse" : null,
                edge(EdgeValues.TEXT, i, () -> i % 3 == 0 ? null : text(i, 150)), i % 17 == 0 ? timestamp(i) : null,
                timestamp(i), timestamp(i + 3)});
    }

    private void interactions(Connection c, int count) throws SQLException {
        insert(c, "Interaction", List.of("id", "organizationId", "contactId", "opportunityId", "userId", "type", "subject",
                "description", "date", "startTime", "durationMinutes", "outcome", "followUpDate", "scheduledAt", "createdAt",
                "updatedAt"), count, i -> new Object[] {
                id("int", i), id("org", i % scale), i % 3 == 0 ? null : id("con", i % (scale * 3)),
                i % 2 == 0 ? null : id("opp", i % (scale * 2)), id("usr", i % users()), TYPES[i % TYPES.length],
                "Follow-up " + word() + " " + i, edge(EdgeValues.TEXT, i, () -> text(i, 300)),
                edge(EdgeValues.DATETIME2, i, () -> timestamp(i).withNano(random.nextInt(10_000_000) * 100)),
                edge(EdgeValues.TIMES, i, () -> timestamp(i).toLocalTime()), i % 4 == 0 ? null : random.nextInt(240),
                i % 2 == 0 ? "POSITIVE" : null, i % 5 == 0 ? LocalDate.of(2026, 1 + i % 12, 1 + i % 28) : null,
                edge(EdgeValues.SMALLDATETIME, i, () -> timestamp(i).withSecond(0).withNano(0)), timestamp(i), timestamp(i + 1)});
    }

    private void settings(Connection c, int count) throws SQLException {
        insert(c, "Setting", List.of("id", "category", "key", "label", "value", "numericValue", "sortOrder", "color",
                "isActive", "createdAt", "updatedAt"), count, i -> new Object[] {
                id("set", i), "category" + (i % 5), "key" + i, "Label " + word(), edge(EdgeValues.TEXT, i, () -> text(i, 20)),
                edge(EdgeValues.DECIMAL_9_4, i, () -> money(10_000L, 4)), i, String.format("#%06X", random.nextInt(0x1000000)),
                i % 8 != 0, timestamp(i), timestamp(i)});
    }

    @FunctionalInterface
    private interface RowSource {
        Object[] row(int index);
    }

    private static void insert(Connection c, String table, List<String> columns, int count, RowSource rows) throws SQLException {
        String sql = "INSERT INTO \"" + table + "\" (" + String.join(", ", columns.stream().map(n -> "\"" + n + "\"").toList())
                + ") VALUES (" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < count; i++) {
                Object[] values = rows.row(i);
                for (int v = 0; v < values.length; v++) {
                    ps.setObject(v + 1, values[v]);
                }
                ps.addBatch();
                if ((i + 1) % BATCH == 0) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
        }
    }

    /** The edge value at {@code i} while there are any, then generated values. */
    private static <T> Object edge(List<T> values, int i, Supplier<?> otherwise) {
        return i < values.size() ? values.get(i) : otherwise.get();
    }

    private static String id(String prefix, int i) {
        return prefix + "_" + Integer.toString(i, 36) + "_" + Integer.toHexString(Integer.reverse(i) ^ 0x5bd1e995);
    }

    private LocalDateTime timestamp(int i) {
        return LocalDateTime.of(2020, 1, 1, 0, 0).plusMinutes(i * 37L + random.nextInt(30)).plusNanos(random.nextInt(1_000_000) * 1000L);
    }

    private java.math.BigDecimal money(long maxUnits, int scale) {
        return java.math.BigDecimal.valueOf(random.nextLong(maxUnits * 100), 2).setScale(scale, java.math.RoundingMode.UNNECESSARY);
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private String name() {
        String w = word();
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private String text(int i, int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            s.append(word()).append(' ');
        }
        return s.substring(0, length).strip() + " #" + i;
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }
}
