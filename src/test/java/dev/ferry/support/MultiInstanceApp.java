package dev.ferry.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An application of several instances, as a cutover meets it: before every request an instance
 * reads the routing file, connects where it points, writes in a transaction — an insert of an
 * {@code event} row with a unique note, an increment of an {@code account} counter, or the delete
 * of one of its own events — thinks for a random while, commits, and on any error retries with a
 * fresh look at the routing. It remembers what it committed, so a test can check the system of
 * record against every committed write.
 *
 * <p>Tables (any dialect): {@code account(id, counter)} and {@code event(id identity, account_id, note unique)}.
 */
public final class MultiInstanceApp implements AutoCloseable {
    private static final int INSERT = 0;
    private static final int INCREMENT = 1;
    private static final int DELETE = 2;
    private final Path routing;
    private final Map<String, String> urlByRouting;
    private final List<String> accounts;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<CompletableFuture<Void>> instances = new ArrayList<>();
    /** Notes of committed inserts not deleted since. */
    public final Set<String> live = ConcurrentHashMap.newKeySet();
    /** Notes of committed deletes. */
    public final Set<String> deleted = ConcurrentHashMap.newKeySet();
    /** Committed increments per account. */
    public final Map<String, AtomicLong> increments = new ConcurrentHashMap<>();
    /** Notes and accounts whose write's commit failed after it was sent: it may or may not have landed. */
    public final Set<String> uncertain = ConcurrentHashMap.newKeySet();
    /** Increments whose commit failed after it was sent. */
    public final AtomicLong uncertainIncrements = new AtomicLong();
    /** A committed row a later request did not find where routing pointed: a lost write. */
    public final List<String> lost = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Inserts refused because their identity value was taken already. */
    public final AtomicLong identityCollisions = new AtomicLong();
    public final AtomicLong refused = new AtomicLong();
    private final Map<String, AtomicLong> commitsBySide = new ConcurrentHashMap<>();

    /**
     * @param urlByRouting the JDBC URL the application uses for each value the routing file may hold
     */
    public MultiInstanceApp(Path routing, Map<String, String> urlByRouting, List<String> accounts, int instances, int maxThinkMillis) {
        this.routing = routing;
        this.urlByRouting = Map.copyOf(urlByRouting);
        this.accounts = List.copyOf(accounts);
        accounts.forEach(a -> increments.put(a, new AtomicLong()));
        for (int i = 0; i < instances; i++) {
            String name = "i" + i;
            this.instances.add(CompletableFuture.runAsync(() -> run(name, maxThinkMillis)));
        }
    }

    /** Commits made on the database routed to as {@code routingValue}. */
    public long commitsOn(String routingValue) {
        return commitsBySide.computeIfAbsent(routingValue, k -> new AtomicLong()).get();
    }

    private void run(String instance, int maxThinkMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> mine = new ArrayList<>();
        for (long n = 0; running.get(); n++) {
            String where;
            try {
                where = Files.readString(routing).strip();
            } catch (java.io.IOException e) {
                continue; // the file is being replaced
            }
            String url = urlByRouting.get(where);
            if (url == null) {
                lost.add("routing points to an unknown database: " + where);
                return;
            }
            int pick = random.nextInt(10);
            int op = pick < 5 || mine.isEmpty() ? INSERT : pick < 8 ? INCREMENT : DELETE;
            String note = instance + "-" + n;
            String touched = note;
            boolean sent = false;
            try (Connection c = DriverManager.getConnection(url)) {
                c.setAutoCommit(false);
                if (op == INSERT) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO event (account_id, note) VALUES (?, ?)")) {
                        ps.setString(1, accounts.get(random.nextInt(accounts.size())));
                        ps.setString(2, note);
                        ps.executeUpdate();
                    }
                } else if (op == INCREMENT) {
                    touched = accounts.get(random.nextInt(accounts.size()));
                    try (PreparedStatement ps = c.prepareStatement("UPDATE account SET counter = counter + 1 WHERE id = ?")) {
                        ps.setString(1, touched);
                        if (ps.executeUpdate() != 1) {
                            lost.add("account " + touched + " missing on " + where);
                        }
                    }
                } else {
                    touched = mine.get(random.nextInt(mine.size()));
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM event WHERE note = ?")) {
                        ps.setString(1, touched);
                        if (ps.executeUpdate() != 1 && !uncertain.contains(touched)) {
                            lost.add("event " + touched + " missing on " + where);
                        }
                    }
                }
                Thread.sleep(random.nextInt(maxThinkMillis + 1)); // the request's own work, between its write and its commit
                sent = true;
                c.commit();
                commitsBySide.computeIfAbsent(where, k -> new AtomicLong()).incrementAndGet();
                if (op == INSERT) {
                    live.add(touched);
                    mine.add(touched);
                } else if (op == INCREMENT) {
                    increments.get(touched).incrementAndGet();
                } else {
                    live.remove(touched);
                    deleted.add(touched);
                    mine.remove(touched);
                }
            } catch (SQLException e) {
                refused.incrementAndGet();
                if ("23505".equals(e.getSQLState()) && op == INSERT) { // notes are never reused: only the identity can collide
                    identityCollisions.incrementAndGet();
                }
                if (sent) {
                    uncertain.add(touched);
                    if (op == INCREMENT) {
                        uncertainIncrements.incrementAndGet();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops every instance and waits for them. */
    @Override
    public void close() {
        running.set(false);
        for (CompletableFuture<Void> i : instances) {
            Waits.result(i, "an application instance to stop");
        }
    }
}
