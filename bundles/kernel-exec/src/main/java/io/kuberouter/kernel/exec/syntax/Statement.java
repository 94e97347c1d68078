package io.kuberouter.kernel.exec.syntax;

import java.util.Objects;
import java.util.Optional;

/** One line of a table block in {@code iptables-restore} input. */
public sealed interface Statement {

    /** 1-based line number in the script. */
    int line();

    /** The line as written. */
    String text();

    /** {@code :CHAIN POLICY [packets:bytes]}. */
    record ChainDecl(int line, String text, String chain, String policy, long packets, long bytes)
            implements Statement {
        public ChainDecl {
            Objects.requireNonNull(chain, "chain");
            Objects.requireNonNull(policy, "policy");
        }
    }

    /** The command-line operations {@code iptables-restore} accepts inside a block. */
    enum Op {
        /** {@code -A CHAIN rule}. */
        APPEND,
        /** {@code -I CHAIN [n] rule}, n 1-based. */
        INSERT,
        /** {@code -D CHAIN rule} or {@code -D CHAIN n}. */
        DELETE,
        /** {@code -N CHAIN}. */
        NEW_CHAIN,
        /** {@code -X [CHAIN]}. */
        DELETE_CHAIN,
        /** {@code -F [CHAIN]}. */
        FLUSH,
        /** {@code -P CHAIN POLICY}. */
        POLICY
    }

    /**
     * A command line.
     *
     * @param chain the chain, empty for {@code -F}/{@code -X} of every chain
     * @param index position for INSERT / DELETE by number (1-based), 0 if not given
     * @param rule the rule for APPEND, INSERT, DELETE by spec; the policy (single argument) for POLICY
     */
    record ChainCommand(int line, String text, Op op, Optional<String> chain, int index, Optional<RuleSpec> rule)
            implements Statement {
        public ChainCommand {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(chain, "chain");
            Objects.requireNonNull(rule, "rule");
        }
    }
}
