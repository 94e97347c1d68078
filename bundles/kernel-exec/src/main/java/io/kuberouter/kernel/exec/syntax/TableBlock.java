package io.kuberouter.kernel.exec.syntax;

import java.util.List;
import java.util.Objects;

/**
 * One {@code *TABLE ... COMMIT} block.
 *
 * @param table table name
 * @param line line of the {@code *TABLE} header
 * @param statements chain declarations and commands in order
 * @param commitLine line of {@code COMMIT}
 */
public record TableBlock(String table, int line, List<Statement> statements, int commitLine) {

    public TableBlock {
        Objects.requireNonNull(table, "table");
        statements = List.copyOf(statements);
    }
}
