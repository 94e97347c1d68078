package io.kuberouter.bgp.codec.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.kuberouter.bgp.codec.DecodeResult;
import io.kuberouter.bgp.codec.GoldenBytes;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.PeerType;

/**
 * Seeded mutation fuzzing over the golden corpus (captures, error probes, regression vectors):
 * bit flips, truncations, length field changes, insertions and deletions, usually with the header
 * length fixed up so the mutation reaches the body parsers, and splices of other corpus messages.
 * Every input, and every corpus entry as is, must satisfy {@link DecoderInvariants}; a failing
 * input is printed as hex, to be kept under src/test/resources/regressions/ where it joins the
 * corpus.
 */
class MutationFuzzTest {

    /** Fixed seed; {@code -Dbgp.fuzz.seed=...} explores others. */
    private static final long SEED = Long.getLong("bgp.fuzz.seed", 0x7606_4271L);

    /** 20 000 by default; {@code -Dbgp.fuzz.iterations=...} for longer runs. */
    private static final int ITERATIONS = Integer.getInteger("bgp.fuzz.iterations", 20_000);

    @Test
    void corpusAsIsUnderEveryPeer() {
        for (byte[] input : corpus()) {
            for (int peer = 0; peer < 8; peer++) {
                DecoderInvariants.check(input, new PeerConstraints((peer & 1) != 0, (peer & 2) != 0,
                        (peer & 4) != 0 ? PeerType.INTERNAL : PeerType.EXTERNAL));
            }
        }
    }

    @Test
    void decoderOnlyEverReturnsAResult() {
        Random random = new Random(SEED);
        List<byte[]> corpus = corpus();
        Map<Class<?>, Integer> outcomes = new HashMap<>();
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] seed = corpus.get(random.nextInt(corpus.size()));
            byte[] donor = corpus.get(random.nextInt(corpus.size()));
            byte[] input = mutate(seed, donor, random);
            PeerConstraints peer = randomPeer(random);
            try {
                DecodeResult result = DecoderInvariants.check(input, peer);
                outcomes.merge(result.getClass(), 1, Integer::sum);
            } catch (AssertionError | RuntimeException e) {
                fail("iteration " + i + ", " + peer + ", input " + GoldenBytes.hex(input), e);
            }
        }
        // the corpus must keep exercising every outcome, not only header errors
        assertEquals(4, outcomes.size(), "outcomes of seed 0x" + Long.toHexString(SEED) + ": " + outcomes);
    }

    private static List<byte[]> corpus() {
        List<byte[]> corpus = new ArrayList<>();
        for (String directory : List.of("captures", "captures/errors", "regressions")) {
            GoldenBytes.hexFiles(directory).forEach(path -> corpus.add(GoldenBytes.resourceBytes(path)));
        }
        return corpus;
    }

    /** Applies one to three mutations to {@code seed}; {@code donor} supplies spliced octets. */
    private static byte[] mutate(byte[] seed, byte[] donor, Random random) {
        byte[] input = seed.clone();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && input.length > 0; m++) {
            input = switch (random.nextInt(7)) {
                case 0 -> flipBit(input, random);
                case 1 -> Arrays.copyOf(input, random.nextInt(input.length + 1));
                case 2 -> changeLengthField(input, random);
                case 3 -> overwriteByte(input, random);
                case 4 -> insertByte(input, random);
                case 5 -> splice(input, donor, random);
                default -> deleteByte(input, random);
            };
        }
        if (input.length >= 18 && random.nextInt(10) < 7) {
            input[16] = (byte) (input.length >>> 8);
            input[17] = (byte) input.length;
        }
        return input;
    }

    private static byte[] flipBit(byte[] input, Random random) {
        input[random.nextInt(input.length)] ^= (byte) (1 << random.nextInt(8));
        return input;
    }

    /** Nudges a one- or two-octet field past the marker by a small amount, as length fields go wrong. */
    private static byte[] changeLengthField(byte[] input, Random random) {
        int index = Math.min(input.length - 1, 16 + random.nextInt(Math.max(1, input.length - 16)));
        int delta = random.nextInt(9) - 4;
        if (random.nextBoolean() && index + 1 < input.length) {
            int value = ((input[index] & 0xFF) << 8 | input[index + 1] & 0xFF) + delta;
            input[index] = (byte) (value >>> 8);
            input[index + 1] = (byte) value;
        } else {
            input[index] = (byte) (input[index] + delta);
        }
        return input;
    }

    private static byte[] overwriteByte(byte[] input, Random random) {
        input[random.nextInt(input.length)] = (byte) random.nextInt(256);
        return input;
    }

    private static byte[] insertByte(byte[] input, Random random) {
        int index = random.nextInt(input.length + 1);
        byte[] longer = new byte[input.length + 1];
        System.arraycopy(input, 0, longer, 0, index);
        longer[index] = (byte) random.nextInt(256);
        System.arraycopy(input, index, longer, index + 1, input.length - index);
        return longer;
    }

    private static byte[] deleteByte(byte[] input, Random random) {
        int index = random.nextInt(input.length);
        byte[] shorter = new byte[input.length - 1];
        System.arraycopy(input, 0, shorter, 0, index);
        System.arraycopy(input, index + 1, shorter, index, input.length - index - 1);
        return shorter;
    }

    /** Inserts a piece of another message past the header, e.g. a whole attribute or capability. */
    private static byte[] splice(byte[] input, byte[] donor, Random random) {
        if (donor.length <= 19) {
            return input;
        }
        int from = 19 + random.nextInt(donor.length - 19);
        int length = 1 + random.nextInt(Math.min(40, donor.length - from));
        int at = Math.min(input.length, 19 + random.nextInt(Math.max(1, input.length - 18)));
        byte[] spliced = new byte[input.length + length];
        System.arraycopy(input, 0, spliced, 0, at);
        System.arraycopy(donor, from, spliced, at, length);
        System.arraycopy(input, at, spliced, at + length, input.length - at);
        return spliced;
    }

    private static PeerConstraints randomPeer(Random random) {
        return new PeerConstraints(random.nextBoolean(), random.nextBoolean(),
                random.nextBoolean() ? PeerType.INTERNAL : PeerType.EXTERNAL);
    }
}
