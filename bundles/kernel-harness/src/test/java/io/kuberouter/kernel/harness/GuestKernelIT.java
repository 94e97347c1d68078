package io.kuberouter.kernel.harness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Needs what the host kernel lacks, so from a plain host {@code mvn verify} it runs in the UML guest. */
@KernelTest(requires = {Kernel.DUMMY, Kernel.IPIP, Kernel.IPVS})
class GuestKernelIT {
    @Test
    void dummyIpipAndIpvsServiceInOneNamespace() {
        try (Netns ns = Netns.create()) {
            ns.ip("link", "add", "kube-dummy-if", "type", "dummy");
            ns.ip("addr", "add", "10.96.0.10/32", "dev", "kube-dummy-if");
            ns.ip("link", "set", "kube-dummy-if", "up");
            ns.ip("link", "add", "tun-n2", "type", "ipip", "local", "10.0.0.1", "remote", "10.0.0.2");
            ns.exec("ipvsadm", "-A", "-t", "10.96.0.10:80", "-s", "rr");

            assertTrue(ns.ip("-br", "addr", "show", "dev", "kube-dummy-if").contains("10.96.0.10/32"));
            String tunnel = ns.ip("-d", "link", "show", "dev", "tun-n2");
            assertTrue(tunnel.contains("ipip") && tunnel.contains("remote 10.0.0.2"), tunnel);
            String services = ns.exec("ipvsadm", "-Ln");
            assertTrue(services.contains("TCP  10.96.0.10:80 rr"), services);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrr", "sh"})
    void ipvsSchedulersLoadOnDemand(String scheduler) {
        try (Netns ns = Netns.create()) {
            ns.exec("ipvsadm", "-A", "-u", "10.96.0.53:53", "-s", scheduler);
            String services = ns.exec("ipvsadm", "-Ln");
            assertTrue(services.contains("UDP  10.96.0.53:53 " + scheduler), services);
        }
    }

    @Test
    void bodiesRunOnlyInTheGuest() {
        assertTrue(Boolean.getBoolean(UmlGuest.GUEST_PROPERTY), "the host must skip this body");
        assertTrue(Files.exists(Path.of("/proc/net/ip_vs")));
    }
}
