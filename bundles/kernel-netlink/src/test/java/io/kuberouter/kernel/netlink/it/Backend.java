package io.kuberouter.kernel.netlink.it;

import io.kuberouter.kernel.harness.Netns;
import io.kuberouter.kernel.netlink.fixture.Inside;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A one-connection TCP server running inside a test namespace (its thread entered it through the
 * {@code Netns} service): it answers {@code "<name> saw <client address>"} and completes with the
 * client address it saw.
 */
final class Backend {

    private final CompletableFuture<String> seen = new CompletableFuture<>();
    private final CountDownLatch listening = new CountDownLatch(1);

    private Backend() {
    }

    /** Starts listening on {@code address:port} in {@code ns}; returns once the socket is bound. */
    static Backend start(Netns ns, String name, String address, int port) throws InterruptedException {
        Backend b = new Backend();
        Thread t = new Thread(() -> {
            try {
                b.seen.complete(Inside.call(ns, () -> b.serve(name, address, port)));
            } catch (Exception e) {
                b.seen.completeExceptionally(e);
                b.listening.countDown();
            }
        }, "backend-" + name);
        t.setDaemon(true);
        t.start();
        if (!b.listening.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("backend " + name + " did not start");
        }
        return b;
    }

    /** The client address the backend saw. */
    String clientSeen() throws Exception {
        return seen.get(20, TimeUnit.SECONDS);
    }

    private String serve(String name, String address, int port) throws IOException {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(address, port));
            server.setSoTimeout(20_000);
            listening.countDown();
            try (Socket client = server.accept();
                 Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
                String who = client.getInetAddress().getHostAddress();
                out.write(name + " saw " + who + "\n");
                out.flush();
                return who;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
