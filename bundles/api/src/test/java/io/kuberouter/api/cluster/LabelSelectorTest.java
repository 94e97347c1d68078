package io.kuberouter.api.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kuberouter.api.cluster.LabelSelector.Operator;
import io.kuberouter.api.cluster.LabelSelector.Requirement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {

    private static final Map<String, String> LABELS = Map.of("app", "web", "tier", "front");

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        "app, In, web|db, true",
        "app, In, db, false",
        "app, NotIn, db, true",
        "app, NotIn, web, false",
        "missing, NotIn, web, true",
        "app, Exists, '', true",
        "missing, Exists, '', false",
        "missing, DoesNotExist, '', true",
        "app, DoesNotExist, '', false",
    })
    void expressions(String key, String op, String values, boolean expected) {
        Set<String> set = values.isEmpty() ? Set.of() : Set.of(values.split("\\|"));
        LabelSelector s = new LabelSelector(Map.of(), List.of(new Requirement(key, Operator.parse(op), set)));
        assertEquals(expected, s.matches(LABELS));
    }

    @Test
    void matchLabelsAndExpressionsAreAnded() {
        LabelSelector s = new LabelSelector(Map.of("app", "web"),
                List.of(new Requirement("tier", Operator.IN, Set.of("back"))));
        assertEquals(false, s.matches(LABELS));
        assertEquals(true, new LabelSelector(Map.of("app", "web"), List.of()).matches(LABELS));
    }

    @Test
    void emptySelectorMatchesEverything() {
        assertEquals(true, LabelSelector.ALL.matches(Map.of()));
    }

    @Test
    void unknownOperatorIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Operator.parse("Gt"));
    }
}
