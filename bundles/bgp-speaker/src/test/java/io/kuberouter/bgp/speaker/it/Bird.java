package io.kuberouter.bgp.speaker.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.kuberouter.kernel.harness.Netns;

/** bird2 in a lab namespace, from a configuration file, with its control socket in the lab directory. */
final class Bird {

    private final Lab lab;
    private final Netns ns;
    private final String name;
    private final String conf;
    private Process process;

    Bird(Lab lab, Netns ns, String name, String conf) {
        this.lab = lab;
        this.ns = ns;
        this.name = name;
        this.conf = conf;
    }

    /** Starts bird in the foreground (the configuration is parsed first); {@code -R} for a graceful restart. */
    Bird start(String... options) {
        String config = lab.file(name + ".conf", conf).toString();
        ns.exec("bird", "-p", "-c", config);
        List<String> command = new ArrayList<>(List.of("bird", "-f", "-c", config, "-s", socket(), "-P",
                lab.path(name + ".pid").toString()));
        command.addAll(List.of(options));
        process = lab.start(ns, name + ".log", command.toArray(String[]::new));
        Await.until(name + " control socket", Duration.ofSeconds(10),
                () -> ns.run("birdc", "-s", socket(), "show", "status").output().contains("Daemon is up"));
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

    /** {@code birdc graceful restart}: bird shuts its sessions down for a graceful restart and exits. */
    void gracefulRestartShutdown() throws InterruptedException {
        birdc("graceful", "restart");
        process.waitFor();
    }

    /** Runs {@code birdc ARGS}; returns its output. */
    String birdc(String... args) {
        List<String> command = new ArrayList<>(List.of("birdc", "-s", socket()));
        command.addAll(List.of(args));
        return ns.exec(command.toArray(String[]::new));
    }

    /** True when protocol {@code protocol} is Established. */
    boolean established(String protocol) {
        return birdc("show", "protocols", protocol).contains("Established");
    }

    /** {@code show route all PREFIX} (exact match) in {@code table}; empty when absent. */
    String route(String table, String prefix) {
        String out = ns.run("birdc", "-s", socket(), "show", "route", "all", "table", table, prefix).output();
        return out.contains(prefix) ? out : "";
    }

    private String socket() {
        return lab.path(name + ".ctl").toString();
    }
}
