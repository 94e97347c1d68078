package io.kuberouter.bgp.speaker.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.kuberouter.kernel.harness.Netns;

/**
 * gobgpd in a lab namespace, from a TOML configuration, with its gRPC API on the namespace's own
 * loopback; queried with the {@code gobgp} CLI (JSON output where it is read).
 */
final class Gobgpd {

    private final Lab lab;
    private final Netns ns;
    private final String name;
    private final String toml;
    private Process process;

    Gobgpd(Lab lab, Netns ns, String name, String toml) {
        this.lab = lab;
        this.ns = ns;
        this.name = name;
        this.toml = toml;
    }

    /** Starts gobgpd (the configuration is checked first) and waits for its API. */
    Gobgpd start() {
        String config = lab.file(name + ".toml", toml).toString();
        ns.exec("gobgpd", "-d", "-f", config);
        process = lab.start(ns, name + ".log", "gobgpd", "-f", config, "--api-hosts", "127.0.0.1:50051",
                "--pprof-disable");
        Await.until(name + " API", Duration.ofSeconds(10), () -> ns.run("gobgp", "global").exitCode() == 0);
        return this;
    }

    long pid() {
        return process.pid();
    }

    /** Stops the daemon (SIGTERM) and waits for it. */
    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** Kills gobgpd (SIGKILL). */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Runs {@code gobgp ARGS} in the namespace; returns its output. */
    String gobgp(String... args) {
        List<String> command = new ArrayList<>(List.of("gobgp"));
        command.addAll(List.of(args));
        return ns.exec(command.toArray(String[]::new));
    }

    /** True when the session to {@code neighbor} is Established. */
    boolean established(String neighbor) {
        return ns.run("gobgp", "neighbor", neighbor).output().toLowerCase().contains("bgp state = established");
    }

    /** The JSON path entries of {@code prefix} in the global RIB of {@code family} (ipv4 / ipv6), or null. */
    String route(String family, String prefix) {
        String rib = gobgp("global", "rib", "-a", family, "-j");
        String key = "\"" + prefix + "\":[";
        int start = rib.indexOf(key);
        return start < 0 ? null : bracketed(rib, start + key.length() - 1);
    }

    /** The text of the JSON array starting at {@code open}, brackets included. */
    private static String bracketed(String json, int open) {
        int depth = 0;
        for (int i = open; i < json.length(); i++) {
            char c = json.charAt(i);
            depth += c == '[' || c == '{' ? 1 : c == ']' || c == '}' ? -1 : 0;
            if (depth == 0) {
                return json.substring(open, i + 1);
            }
        }
        throw new IllegalArgumentException("unbalanced JSON: " + json);
    }

    /** Adds a route to the global RIB: {@code add PREFIX nexthop NH ...}. */
    void add(String family, String... route) {
        List<String> args = new ArrayList<>(List.of("global", "rib", "-a", family, "add"));
        args.addAll(List.of(route));
        gobgp(args.toArray(String[]::new));
    }

    void delete(String family, String prefix) {
        gobgp("global", "rib", "-a", family, "del", prefix);
    }
}
