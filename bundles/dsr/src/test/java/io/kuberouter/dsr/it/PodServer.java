package io.kuberouter.dsr.it;

import io.kuberouter.kernel.harness.Netns;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A pod's TCP server in the JVM, on every address of the pod (so also on a DSR VIP inside it): answers
 * {@code "<name> <client address> <local address>"} on connect and closes.
 */
final class PodServer implements AutoCloseable {

    private final ServerSocket socket;

    private PodServer(ServerSocket socket) {
        this.socket = socket;
    }

    static PodServer start(Netns pod, String name, int port) throws Exception {
        ServerSocket socket = Inside.call(pod, () -> {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
            return s;
        });
        Thread t = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept();
                     Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
                    out.write(name + " " + client.getInetAddress().getHostAddress() + " "
                            + client.getLocalAddress().getHostAddress() + "\n");
                    out.flush();
                } catch (IOException e) {
                    // closed, or the client went away
                }
            }
        }, "pod-" + name);
        t.setDaemon(true);
        t.start();
        return new PodServer(socket);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
