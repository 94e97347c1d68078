package io.kuberouter.kernel.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Tiny TCP server for NetnsIT: {@code EchoServer <address> <port>} answers each line with "echo " + line until killed. */
final class EchoServer {
    private EchoServer() {
    }

    public static void main(String[] args) throws IOException {
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[1]), 5, InetAddress.getByName(args[0]))) {
            while (true) {
                try (Socket client = server.accept();
                        var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                        var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
                    out.println("echo " + in.readLine());
                }
            }
        }
    }
}
