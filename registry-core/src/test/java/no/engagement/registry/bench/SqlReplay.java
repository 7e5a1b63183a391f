package no.engagement.registry.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.engagement.registry.db.EmbeddedPostgres;

/**
 * The baseline of the screen scenario: the SQL the registry sent during the measured load, read
 * back from PostgreSQL's log (log_min_duration_statement = 0 logs every statement with its
 * parameters), replayed transaction by transaction by the same number of clients straight over
 * JDBC, with the registry's session settings. Its latency is what PostgreSQL itself needs for the
 * same statements at the same concurrency on the same machine.
 */
final class SqlReplay {

  /** {@code [pid] LOG: duration: 1.2 ms execute S_3: select ...} (or {@code statement:}). */
  private static final Pattern EXECUTE =
      Pattern.compile("\\[(\\d+)\\] LOG:  duration: [0-9.]+ ms  (?:execute [^:]*|statement): (.*)");

  private static final Pattern PARAMETERS =
      Pattern.compile("\\[(\\d+)\\] DETAIL:  Parameters: (.*)");
  private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = (NULL|'((?:[^']|'')*)')");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");

  private SqlReplay() {}

  /** Transactions the replay could not run, over the whole bench (printed at the first). */
  static final java.util.concurrent.atomic.AtomicLong FAILED =
      new java.util.concurrent.atomic.AtomicLong();

  /** One statement with its parameters (null: SQL NULL). */
  record Statement(String sql, List<String> parameters) {}

  /** The statements of one request's transaction, BEGIN to COMMIT. */
  record Transaction(List<Statement> statements) {}

  /** The transactions in the log, in the order they ended. */
  static List<Transaction> parse(String log) {
    Map<String, List<Statement>> open = new HashMap<>();
    Map<String, Integer> last = new HashMap<>(); // index of a backend's last statement
    List<Transaction> done = new ArrayList<>();
    for (String line : log.split("\n")) {
      Matcher e = EXECUTE.matcher(line);
      if (e.find()) {
        String pid = e.group(1);
        String sql = e.group(2).strip();
        if (sql.startsWith("BEGIN")) {
          open.put(pid, new ArrayList<>());
        } else if (sql.equals("COMMIT")) {
          var statements = open.remove(pid);
          // the requests' read-only transactions only: not the registry's own upkeep (the
          // minutely removal of expired sessions), which a read-only replay could not run
          if (statements != null
              && !statements.isEmpty()
              && statements.stream().noneMatch(SqlReplay::writes)) {
            done.add(new Transaction(statements));
          }
        } else if (open.containsKey(pid)) {
          open.get(pid).add(new Statement(sql, List.of()));
          last.put(pid, open.get(pid).size() - 1);
        }
        continue;
      }
      Matcher p = PARAMETERS.matcher(line);
      if (p.find() && open.containsKey(p.group(1)) && last.containsKey(p.group(1))) {
        var statements = open.get(p.group(1));
        int i = last.get(p.group(1));
        if (i < statements.size() && statements.get(i).parameters().isEmpty()) {
          List<String> values = new ArrayList<>();
          Matcher v = PARAMETER.matcher(p.group(2));
          while (v.find()) {
            int n = Integer.parseInt(v.group(1));
            while (values.size() < n) {
              values.add(null);
            }
            values.set(n - 1, v.group(3) == null ? null : v.group(3).replace("''", "'"));
          }
          statements.set(i, new Statement(statements.get(i).sql(), values));
        }
      }
    }
    return done;
  }

  private static boolean writes(Statement s) {
    String sql = s.sql().stripLeading().toLowerCase(java.util.Locale.ROOT);
    return sql.startsWith("delete") || sql.startsWith("insert") || sql.startsWith("update");
  }

  /**
   * Replays the transactions with {@code clients} connections, each taking the next transaction
   * from the queue; returns each transaction's latency in nanoseconds (BEGIN to COMMIT, every row
   * read).
   */
  static List<Long> run(String url, String password, List<Transaction> transactions, int clients)
      throws Exception {
    if (transactions.isEmpty()) {
      throw new IllegalStateException("No transactions of the registry in PostgreSQL's log");
    }
    var queue = new ConcurrentLinkedQueue<>(transactions);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> futures = new ArrayList<>();
    for (int k = 0; k < clients; k++) {
      futures.add(
          pool.submit(
              () -> {
                try (Connection c =
                    DriverManager.getConnection(url, EmbeddedPostgres.SUPERUSER, password)) {
                  // the registry's session (application.properties, connection-init-sql)
                  c.createStatement()
                      .execute("set plan_cache_mode = force_custom_plan; set time zone 'UTC'");
                  c.setReadOnly(true);
                  c.setAutoCommit(false);
                  Map<String, PreparedStatement> prepared = new HashMap<>();
                  for (var t = queue.poll(); t != null; t = queue.poll()) {
                    long s = System.nanoTime();
                    try {
                      for (var st : t.statements()) {
                        var ps = prepared.get(st.sql());
                        if (ps == null) {
                          ps = c.prepareStatement(PLACEHOLDER.matcher(st.sql()).replaceAll("?"));
                          prepared.put(st.sql(), ps);
                        }
                        Matcher m = PLACEHOLDER.matcher(st.sql());
                        for (int i = 1; m.find(); i++) {
                          String value = st.parameters().get(Integer.parseInt(m.group(1)) - 1);
                          if (value == null) {
                            ps.setNull(i, Types.OTHER);
                          } else {
                            ps.setObject(i, value, Types.OTHER);
                          }
                        }
                        if (ps.execute()) { // a query (else a setting, such as set local)
                          try (var rs = ps.getResultSet()) {
                            while (rs.next()) {
                              rs.getObject(1);
                            }
                          }
                        }
                      }
                      c.commit();
                    } catch (java.sql.SQLException e) {
                      // a statement the replay cannot bind as the registry did: left out, and said
                      c.rollback();
                      if (FAILED.getAndIncrement() == 0) {
                        System.out.println("replay: a transaction failed: " + e.getMessage());
                      }
                      continue;
                    }
                    latencies.add(System.nanoTime() - s);
                  }
                }
                return null;
              }));
    }
    for (var f : futures) {
      f.get();
    }
    pool.shutdown();
    return latencies;
  }
}
