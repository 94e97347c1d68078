package io.kuberouter.api.cluster;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code metav1.LabelSelector}: all {@code matchLabels} and all {@code matchExpressions} must
 * hold. The empty selector matches every object.
 */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {

    /** The selector that matches everything. */
    public static final LabelSelector ALL = new LabelSelector(Map.of(), List.of());

    public LabelSelector {
        matchLabels = Map.copyOf(matchLabels);
        matchExpressions = List.copyOf(matchExpressions);
    }

    /** True when the labels satisfy every requirement of this selector. */
    public boolean matches(Map<String, String> labels) {
        for (Map.Entry<String, String> e : matchLabels.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return matchExpressions.stream().allMatch(r -> r.matches(labels));
    }

    /** A set-based requirement. */
    public record Requirement(String key, Operator operator, Set<String> values) {

        public Requirement {
            java.util.Objects.requireNonNull(key, "key");
            java.util.Objects.requireNonNull(operator, "operator");
            values = Set.copyOf(values);
        }

        boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case IN -> value != null && values.contains(value);
                case NOT_IN -> value == null || !values.contains(value);
                case EXISTS -> value != null;
                case DOES_NOT_EXIST -> value == null;
            };
        }
    }

    /** Requirement operators. */
    public enum Operator {
        IN, NOT_IN, EXISTS, DOES_NOT_EXIST;

        /**
         * Parses {@code In}, {@code NotIn}, {@code Exists}, {@code DoesNotExist}.
         *
         * @throws IllegalArgumentException for any other value
         */
        public static Operator parse(String value) {
            return switch (value) {
                case "In" -> IN;
                case "NotIn" -> NOT_IN;
                case "Exists" -> EXISTS;
                case "DoesNotExist" -> DOES_NOT_EXIST;
                default -> throw new IllegalArgumentException("unknown label selector operator: " + value);
            };
        }
    }
}
