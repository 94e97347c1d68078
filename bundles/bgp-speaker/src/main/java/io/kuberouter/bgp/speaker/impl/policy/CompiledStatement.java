package io.kuberouter.bgp.speaker.impl.policy;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import io.kuberouter.bgp.speaker.policy.Actions;
import io.kuberouter.bgp.speaker.policy.MatchOption;
import io.kuberouter.bgp.speaker.policy.SetMatch;
import io.kuberouter.bgp.speaker.policy.Statement;

/** A statement with its sets resolved. An unknown or empty set contains nothing. */
record CompiledStatement(SetCondition prefixCondition, SetCondition neighborCondition, Actions actions) {

    static CompiledStatement of(Statement statement, Map<String, PrefixMatcher> prefixSets,
            Map<String, PrefixMatcher> neighborSets) {
        return new CompiledStatement(SetCondition.of(statement.conditions().prefixSet(), prefixSets),
                SetCondition.of(statement.conditions().neighborSet(), neighborSets), statement.actions());
    }

    boolean matches(byte[] prefix, int length, byte[] neighbor) {
        return prefixCondition.test(set -> set.matches(prefix, length))
                && neighborCondition.test(set -> set.contains(neighbor));
    }

    /** A condition on one set: absent (always true), membership, or non-membership. */
    record SetCondition(Optional<PrefixMatcher> set, boolean inverted) {

        static final SetCondition ALWAYS = new SetCondition(Optional.empty(), false);

        static SetCondition of(Optional<SetMatch> match, Map<String, PrefixMatcher> sets) {
            return match.map(m -> new SetCondition(Optional.ofNullable(sets.get(m.setName())),
                    m.option() == MatchOption.INVERT)).orElse(ALWAYS);
        }

        boolean test(Predicate<PrefixMatcher> member) {
            if (this == ALWAYS) {
                return true;
            }
            boolean in = set.filter(s -> !s.isEmpty()).map(member::test).orElse(false);
            return in != inverted;
        }
    }
}
