package io.kuberouter.launcher.standalone;

import java.net.InetAddress;
import java.nio.file.Path;

/**
 * {@code bin/standalone-api DIR [PORT [ADDRESS]]}: the standalone mode's API server on its own, for
 * several agents to share (the lab) or to start an agent against with {@code --master}. Listens on
 * ADDRESS (default 127.0.0.1). Runs until killed.
 */
public final class StandaloneApiServer {

    private StandaloneApiServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: standalone-api DIR [PORT [ADDRESS]]");
            System.exit(2);
        }
        StandaloneApi.quietServerLog();
        InetAddress address = args.length == 3 ? InetAddress.getByName(args[2]) : InetAddress.getLoopbackAddress();
        StandaloneApi api = StandaloneApi.start(Path.of(args[0]), address,
                args.length >= 2 ? Integer.parseInt(args[1]) : 0, System.out::println);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                api.close();
            } catch (java.io.IOException e) {
                System.err.println("standalone-api: " + e.getMessage());
            }
        }));
        Thread.currentThread().join();
    }
}
