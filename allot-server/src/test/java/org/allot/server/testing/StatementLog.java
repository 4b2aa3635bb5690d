package org.allot.server.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The SQL a server runs, as JDBC sees it: every statement executed (and every commit and rollback) through the
 * wrapped data source, with the thread that ran it. Tests count what one request costs by the statements of the
 * server's request threads, which leaves out what background workers run meanwhile.
 */
public final class StatementLog {
    /** A statement, or {@code "commit"} / {@code "rollback"}, and the thread that ran it. */
    public record Entry(String thread, String sql) {
        public boolean isStatement() {
            return !sql.equals("commit") && !sql.equals("rollback");
        }
    }

    private static final Set<String> EXECUTIONS = Set.of(
            "execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();

    /** A bean post-processor that wraps the bean named {@code dataSource} into this log. */
    public BeanPostProcessor wrappingTheDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return name.equals("dataSource") && bean instanceof DataSource ds ? wrap(ds) : bean;
            }
        };
    }

    public DataSource wrap(DataSource target) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws java.sql.SQLException {
                return connection(super.getConnection());
            }
        };
    }

    public void clear() {
        entries.clear();
    }

    /** What threads whose names match ran since {@link #clear()}, in order. */
    public List<Entry> of(Predicate<String> threads) {
        return entries.stream().filter(e -> threads.test(e.thread())).toList();
    }

    /** The statements (not commits or rollbacks) that threads whose names match ran since {@link #clear()}. */
    public List<String> statements(Predicate<String> threads) {
        return of(threads).stream().filter(Entry::isStatement).map(Entry::sql).toList();
    }

    /** The server's request threads (Tomcat's). */
    public static boolean requestThread(String name) {
        return name.startsWith("http-nio-") || name.startsWith("https-jsse-nio-");
    }

    private void note(String sql) {
        entries.add(new Entry(Thread.currentThread().getName(), sql.strip().replaceAll("\\s+", " ")));
    }

    private Connection connection(Connection target) {
        return proxy(Connection.class, target, (method, args) -> {
            Object result = invoke(method, target, args);
            switch (method.getName()) {
                case "commit" -> note("commit");
                case "rollback" -> note("rollback");
                case "prepareStatement" -> {
                    return proxy(PreparedStatement.class, result, statement((String) args[0], result));
                }
                case "prepareCall" -> {
                    return proxy(CallableStatement.class, result, statement((String) args[0], result));
                }
                case "createStatement" -> {
                    return proxy(Statement.class, result, statement(null, result));
                }
                default -> {}
            }
            return result;
        });
    }

    private Handler statement(String prepared, Object target) {
        return (method, args) -> {
            if (EXECUTIONS.contains(method.getName())) {
                note(prepared != null ? prepared : args != null && args.length > 0 ? (String) args[0] : "batch");
            }
            return invoke(method, target, args);
        };
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Object target, Handler handler) {
        InvocationHandler invocation = (p, method, args) -> {
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return invoke(method, target, args);
            }
            return handler.handle(method, args);
        };
        return type.cast(
                Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {type}, invocation));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
