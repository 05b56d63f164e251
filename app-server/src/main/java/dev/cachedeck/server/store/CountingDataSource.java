package dev.cachedeck.server.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} whose connections count every statement they execute, whatever code runs
 * it, so {@code X-DB-Queries} cannot drift from what really reached the database. Each statement
 * first waits the {@link SimulatedDelay}, inside the timed window, as a network round trip would.
 */
public final class CountingDataSource implements DataSource {
    private final DataSource target;
    private final StatementTally tally;
    private final SimulatedDelay delay;

    public CountingDataSource(DataSource target, StatementTally tally, SimulatedDelay delay) {
        this.target = target;
        this.tally = tally;
        this.delay = delay;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return countingConnection(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return countingConnection(target.getConnection(username, password));
    }

    private Connection countingConnection(Connection connection) {
        return proxy(Connection.class, connection, (method, args) -> {
            Object result = invoke(connection, method, args);
            String preparedSql = args != null && args.length > 0 && args[0] instanceof String sql ? sql : null;
            return switch (result) {
                case CallableStatement call -> countingStatement(CallableStatement.class, call, preparedSql);
                case PreparedStatement prepared -> countingStatement(PreparedStatement.class, prepared, preparedSql);
                case Statement plain -> countingStatement(Statement.class, plain, null);
                case null, default -> result;
            };
        });
    }

    private <S extends Statement> S countingStatement(Class<S> type, S statement, String preparedSql) {
        return proxy(type, statement, (method, args) -> {
            if (!method.getName().startsWith("execute")) {
                return invoke(statement, method, args);
            }
            long start = System.nanoTime();
            try {
                delay.pause();
                return invoke(statement, method, args);
            } finally {
                tally.record(args != null && args.length > 0 && args[0] instanceof String sql ? sql : preparedSql,
                        System.nanoTime() - start);
            }
        });
    }

    private interface Call {
        Object apply(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return invoke(target, method, args);
            }
            return call.apply(method, args);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }
}
