package org.allot.server.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Spring's JDBC transactions, with one difference: a rollback on a connection that is already closed (the database
 * went away, or a switch to another server cut the connection, and the pool threw it out) is not an error. PostgreSQL
 * rolls back a transaction whose connection broke by itself; a rollback that failed on it would hide the failure
 * that broke it (a commit cut off by the primary's crash), and the request would be answered 500 instead of 503.
 */
public final class PgTransactions extends JdbcTransactionManager {
    private static final Logger log = LoggerFactory.getLogger(PgTransactions.class);

    public PgTransactions(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        try {
            super.doRollback(status);
        } catch (TransactionException e) {
            if (!closed(status)) {
                throw e;
            }
            log.debug("No rollback on a connection already closed: the database rolled the transaction back", e);
        }
    }

    private static boolean closed(DefaultTransactionStatus status) {
        if (!(status.getTransaction() instanceof JdbcTransactionObjectSupport transaction)
                || !transaction.hasConnectionHolder()) {
            return false;
        }
        Connection connection = transaction.getConnectionHolder().getConnection();
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
