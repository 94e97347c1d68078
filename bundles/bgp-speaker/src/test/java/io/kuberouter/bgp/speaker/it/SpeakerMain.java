package io.kuberouter.bgp.speaker.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.speaker.BestPathChange;
import io.kuberouter.bgp.speaker.BgpSpeaker;
import io.kuberouter.bgp.speaker.GracefulRestartConfig;
import io.kuberouter.bgp.speaker.SpeakerConfig;
import io.kuberouter.bgp.speaker.impl.NettySpeakerFactory;

/**
 * The speaker side of the interop tests, run in a child JVM inside a network namespace ({@code ip
 * netns exec NS java ... SpeakerMain}). Arguments: {@code ASN ROUTER-ID LISTEN[,LISTEN] PORT
 * [RESTART-S DEFERRAL-S]} (the last two enable graceful restart). Reads one command per line on
 * stdin ({@link SpeakerCommands}) and answers on stdout with result lines and a final line
 * {@code .} (or {@code ! message}).
 */
public final class SpeakerMain {

    private SpeakerMain() {
    }

    public static void main(String[] args) throws IOException {
        SpeakerConfig config = new SpeakerConfig(Long.parseLong(args[0]), (Inet4Address) address(args[1]),
                Arrays.stream(args[2].split(",")).map(SpeakerMain::address).toList(), Integer.parseInt(args[3]),
                args.length > 5 ? GracefulRestartConfig.of(Duration.ofSeconds(Long.parseLong(args[4])),
                        Duration.ofSeconds(Long.parseLong(args[5]))) : GracefulRestartConfig.DISABLED);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (BgpSpeaker speaker = new NettySpeakerFactory().start(config)) {
            Map<IpPrefix, AtomicInteger> withdrawals = new ConcurrentHashMap<>();
            speaker.subscribe(changes -> countWithdrawals(changes, withdrawals));
            SpeakerCommands commands = new SpeakerCommands(speaker, withdrawals);
            out.println("ready");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                answer(commands, line, out);
            }
        }
    }

    private static void answer(SpeakerCommands commands, String line, PrintStream out) {
        try {
            List<String> result = commands.run(line.trim().split("\\s+"));
            result.forEach(out::println);
            out.println(".");
        } catch (RuntimeException e) {
            out.println("! " + e);
        }
    }

    /** Counts the withdrawals of the prefixes a {@code watch} command registered. */
    private static void countWithdrawals(List<BestPathChange> changes, Map<IpPrefix, AtomicInteger> withdrawals) {
        for (BestPathChange change : changes) {
            AtomicInteger count = withdrawals.get(change.prefix());
            if (count != null && change.isWithdrawal()) {
                count.incrementAndGet();
            }
        }
    }

    static InetAddress address(String literal) {
        return IpPrefix.parse(literal + (literal.contains(":") ? "/128" : "/32")).address();
    }
}
