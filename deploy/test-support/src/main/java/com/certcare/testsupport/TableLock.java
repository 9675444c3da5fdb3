package com.certcare.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * A table locked ACCESS EXCLUSIVE in an open transaction until {@link #close()} (rolled back), or at most 30 s idle:
 * every read of it waits, as behind a query that never ends. {@link #waiting()} counts the statements still waiting
 * for it.
 */
public final class TableLock implements AutoCloseable {

    private final Connection connection;
    private final String table;

    private TableLock(Connection connection, String table) {
        this.connection = connection;
        this.table = table;
    }

    public static TableLock hold(DataSource dataSource, String table) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // neither side may hang a test run: no endless wait for the lock, and PostgreSQL ends the session
                // (and so the lock) by itself should a test never get to close it
                statement.execute("set local lock_timeout = '5s'");
                statement.execute("set local idle_in_transaction_session_timeout = '30s'");
                statement.execute("lock table " + table + " in access exclusive mode");
            }
            return new TableLock(connection, table);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** Statements of other sessions waiting for a lock on this table now. */
    public int waiting() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from pg_locks where not granted"
                        + " and relation = '" + table + "'::regclass and pid <> pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
