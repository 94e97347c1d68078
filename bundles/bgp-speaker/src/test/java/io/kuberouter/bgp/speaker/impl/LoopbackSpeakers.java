package io.kuberouter.bgp.speaker.impl;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import io.kuberouter.bgp.codec.BgpCodecs;
import io.kuberouter.bgp.codec.spi.ExtensionRegistry;
import io.kuberouter.bgp.speaker.BgpSpeaker;
import io.kuberouter.bgp.speaker.PeerConfig;
import io.kuberouter.bgp.speaker.SpeakerConfig;

/**
 * Speakers on loopback addresses 127.0.0.x of the test JVM, all on one random port; closes them
 * all. Timers are short so that sessions come up within a second or two.
 */
final class LoopbackSpeakers implements AutoCloseable {

    static final ExtensionRegistry REGISTRY = BgpCodecs.standardRegistry();

    private final int port = 20000 + ThreadLocalRandom.current().nextInt(20000);
    private final List<BgpSpeaker> started = new ArrayList<>();

    /** A speaker with router id and listen address 127.0.0.{@code host}. */
    BgpSpeaker start(int host, long asn) {
        return start(SpeakerConfig.of(asn, address(host), List.of(address(host))).withListenPort(port));
    }

    BgpSpeaker start(SpeakerConfig config) {
        BgpSpeaker speaker = NettySpeaker.start(config.withListenPort(port), REGISTRY);
        started.add(speaker);
        return speaker;
    }

    /** A peer on 127.0.0.{@code host}, reached from {@code localHost}, with 3 s hold and 1 s retry. */
    PeerConfig.Builder peer(int host, long asn, int localHost) {
        return PeerConfig.builder(address(host), asn).port(port).localAddress(address(localHost))
                .holdTime(Duration.ofSeconds(3)).connectRetryTime(Duration.ofSeconds(1));
    }

    static Inet4Address address(int host) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) host});
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Waits up to {@code timeout} for {@code condition}; fails the test with {@code what} otherwise. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    @Override
    public void close() {
        started.forEach(BgpSpeaker::close);
    }
}
