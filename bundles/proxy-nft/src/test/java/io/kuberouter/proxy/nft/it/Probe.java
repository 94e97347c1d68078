package io.kuberouter.proxy.nft.it;

import io.kuberouter.kernel.harness.Netns;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Clients in a namespace: the socket is created (bound) inside it, then used from the test's thread. Every answer is
 * the line a {@link PodServer} wrote, or {@code timeout}, {@code refused}, {@code unreachable} (any other socket
 * error, e.g. ICMP net or host unreachable).
 */
final class Probe {

    private static final int TIMEOUT_MILLIS = 2000;

    private Probe() {
    }

    /** Connects, reads the greeting, closes. */
    static String tcp(Netns from, String address, int port) throws Exception {
        try (Conversation c = open(from, address, port)) {
            return c.greeting();
        } catch (SocketTimeoutException e) {
            return "timeout";
        } catch (ConnectException e) {
            return "refused";
        } catch (SocketException e) {
            return "unreachable";
        }
    }

    /** An open connection; its greeting is read. */
    static Conversation open(Netns from, String address, int port) throws Exception {
        Socket socket = Inside.call(from, () -> {
            Socket s = new Socket();
            s.bind(null);
            return s;
        });
        socket.connect(new InetSocketAddress(address, port), TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return new Conversation(socket);
    }

    /** A UDP socket bound in {@code from}; reuse it to keep the same source port. */
    static DatagramSocket udpSocket(Netns from) throws Exception {
        DatagramSocket socket = Inside.call(from, DatagramSocket::new);
        socket.setSoTimeout(1000);
        return socket;
    }

    /** Sends a datagram and returns the answer; up to three tries (a first packet may be dropped). */
    static String udp(DatagramSocket socket, String address, int port) throws IOException {
        byte[] ask = "hello".getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < 3; attempt++) {
            socket.send(new DatagramPacket(ask, ask.length, new InetSocketAddress(address, port)));
            DatagramPacket answer = new DatagramPacket(new byte[512], 512);
            try {
                socket.receive(answer);
                return new String(answer.getData(), 0, answer.getLength(), StandardCharsets.UTF_8);
            } catch (SocketTimeoutException e) {
                // try again
            }
        }
        return "timeout";
    }

    /** A live TCP connection to a pod server. */
    static final class Conversation implements AutoCloseable {

        private final Socket socket;
        private final BufferedReader in;
        private final Writer out;
        private final String greeting;

        Conversation(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            this.out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            this.greeting = in.readLine();
        }

        /** {@code "<pod> <client address>"}. */
        String greeting() {
            return greeting;
        }

        /** The pod that answered. */
        String pod() {
            return greeting.split(" ")[0];
        }

        /** Sends a line and returns the echo. */
        String say(String line) throws IOException {
            out.write(line + "\n");
            out.flush();
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
