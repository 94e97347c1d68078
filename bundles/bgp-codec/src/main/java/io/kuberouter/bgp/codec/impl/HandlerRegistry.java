package io.kuberouter.bgp.codec.impl;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.kuberouter.bgp.codec.spi.Registration;

/**
 * One key-to-handler map of a registry: a key takes one handler at a time, and a registration
 * removes exactly the handler it added.
 */
final class HandlerRegistry<K, V> {

    private final String kind;
    private final ConcurrentMap<K, V> handlers = new ConcurrentHashMap<>();

    HandlerRegistry(String kind) {
        this.kind = kind;
    }

    Registration register(K key, V handler) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(handler, "handler");
        V previous = handlers.putIfAbsent(key, handler);
        if (previous != null) {
            throw new IllegalArgumentException(kind + " " + key + " already registered: " + previous);
        }
        return () -> handlers.remove(key, handler);
    }

    Optional<V> get(K key) {
        return Optional.ofNullable(handlers.get(key));
    }

    V require(K key) {
        return get(key).orElseThrow(() -> new IllegalArgumentException("no " + kind + " registered for " + key));
    }
}
