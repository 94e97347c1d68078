package io.kuberouter.k8s;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Null-tolerant helpers for API fields that may be absent. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    static <T, R> List<R> map(List<T> list, Function<T, R> f) {
        return orEmpty(list).stream().map(f).toList();
    }

    static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
