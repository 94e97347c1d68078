package io.kuberouter.launcher.flags;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One ConfigAdmin configuration to create or update: its PID and properties. Property values are
 * {@code Boolean}, {@code Integer}, {@code Long}, {@code String} or {@code String[]}, as ConfigAdmin accepts them.
 *
 * @param pid the persistent identity, e.g. {@code io.kuberouter.proxy}
 * @param properties unmodifiable, in flag order; keys are flag names with {@code -} replaced by {@code .}
 */
public record ConfigurationSpec(String pid, Map<String, Object> properties) {

    public ConfigurationSpec {
        Objects.requireNonNull(pid);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }
}
