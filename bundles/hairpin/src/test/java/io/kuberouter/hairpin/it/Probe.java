package io.kuberouter.hairpin.it;

import io.kuberouter.kernel.harness.Netns;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A TCP client in a namespace: the greeting of a {@link PodServer}, or timeout / refused / unreachable. */
final class Probe {

    private Probe() {
    }

    static String tcp(Netns from, String address, int port) throws Exception {
        Socket socket = Inside.call(from, () -> {
            Socket s = new Socket();
            s.bind(null);
            return s;
        });
        try (socket) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            socket.setSoTimeout(2000);
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
        } catch (SocketTimeoutException e) {
            return "timeout";
        } catch (ConnectException e) {
            return "refused";
        } catch (SocketException e) {
            return "unreachable";
        }
    }
}
