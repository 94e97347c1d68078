package io.kuberouter.proxy.nft.it;

import io.kuberouter.kernel.harness.Netns;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A pod's servers, in the JVM: sockets opened inside the pod's namespace (a socket keeps its namespace), served
 * by daemon threads. TCP answers {@code "<name> <client address>"} on connect, then echoes each line prefixed
 * with the name until the client closes; UDP answers every datagram with {@code "<name> <client address>"}.
 */
final class PodServer implements AutoCloseable {

    private final String name;
    private final ServerSocket tcp;
    private final DatagramSocket udp;

    private PodServer(String name, ServerSocket tcp, DatagramSocket udp) {
        this.name = name;
        this.tcp = tcp;
        this.udp = udp;
    }

    static PodServer start(Netns pod, String name, String address, int tcpPort, int udpPort) throws Exception {
        ServerSocket tcp = Inside.call(pod, () -> {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(address, tcpPort));
            return s;
        });
        DatagramSocket udp = Inside.call(pod, () -> new DatagramSocket(new InetSocketAddress(address, udpPort)));
        PodServer server = new PodServer(name, tcp, udp);
        daemon("tcp-" + name, server::acceptLoop);
        daemon("udp-" + name, server::datagramLoop);
        return server;
    }

    @Override
    public void close() throws IOException {
        tcp.close();
        udp.close();
    }

    private void acceptLoop() {
        while (!tcp.isClosed()) {
            try {
                Socket client = tcp.accept();
                daemon("conn-" + name, () -> converse(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                     StandardCharsets.UTF_8));
             Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
            out.write(name + " " + client.getInetAddress().getHostAddress() + "\n");
            out.flush();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(name + " " + line + "\n");
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private void datagramLoop() {
        byte[] buffer = new byte[512];
        while (!udp.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                byte[] answer = (name + " " + packet.getAddress().getHostAddress()).getBytes(StandardCharsets.UTF_8);
                udp.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }
}
