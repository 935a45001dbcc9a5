package dev.logtally.logback;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Correlation IDs: made fresh, or taken from outside only when they are safe to write into a log line.
 *
 * <p>A fresh ID is 32 lower-case hex digits (128 bits, the shape of a W3C trace-id). It is unique within
 * the JVM by construction: each thread takes a block of 1,024 sequence numbers from one shared counter
 * (one atomic add per block, no lock), and a sequence number goes through a bijective mix into the low 64
 * bits. The high 64 bits mix the low ones with a per-JVM random salt, so two JVMs (restarts, replicas)
 * collide only if their salts are equal: a chance of 2<sup>-64</sup>. Per ID that is one thread-local
 * lookup, two mixes and 32 table look-ups into the thread's own buffer; the only allocation is the String
 * (docs/BENCHMARKS.md, issue 2, has the cost next to {@code UUID.randomUUID()}'s).
 *
 * <p>An inbound ID (a request header, a message attribute) is {@linkplain #isSafe safe} when it has
 * {@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters, all ASCII letters, digits or {@code - _ . :}:
 * UUIDs, ULIDs, W3C trace-ids and traceparent headers pass; newlines, quotes, control characters,
 * non-ASCII text and oversized values do not.
 *
 * <pre>{@code
 * String id = CorrelationId.generate();                    // "5f0c3a...", 32 hex digits
 * String in = CorrelationId.acceptOrGenerate(header);      // header if safe, else a fresh ID
 * }</pre>
 */
public final class CorrelationId {
    /** Shortest inbound ID accepted: shorter ones are too likely to be shared by unrelated requests. */
    public static final int MIN_LENGTH = 8;
    /** Longest inbound ID accepted. */
    public static final int MAX_LENGTH = 64;
    /** Length of a generated ID. */
    public static final int GENERATED_LENGTH = 32;

    private static final int BLOCK = 1024;
    private static final AtomicLong NEXT_BLOCK = new AtomicLong();
    private static final ThreadLocal<Sequence> SEQUENCE = ThreadLocal.withInitial(Sequence::new);
    private static final long SALT_LO;
    private static final long SALT_HI;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    static {
        SecureRandom random = new SecureRandom();
        SALT_LO = random.nextLong();
        SALT_HI = random.nextLong();
    }

    private CorrelationId() {
    }

    /** A fresh ID: 32 lower-case hex digits, never repeated within this JVM. */
    public static String generate() {
        Sequence seq = SEQUENCE.get();
        if (seq.next == seq.end) {
            seq.next = NEXT_BLOCK.getAndAdd(BLOCK);
            seq.end = seq.next + BLOCK;
        }
        long lo = mix64(seq.next++ + SALT_LO);
        long hi = mix64(lo ^ SALT_HI);
        byte[] out = seq.text;
        for (int i = 15; i >= 0; i--) {
            out[i] = HEX[(int) (hi & 0xF)];
            out[i + 16] = HEX[(int) (lo & 0xF)];
            hi >>>= 4;
            lo >>>= 4;
        }
        // All ASCII, so ISO-8859-1 is the String's own byte layout: one copy, no decoding.
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** Whether {@code id} may go into a log line as it is (see the class comment); null is not safe. */
    public static boolean isSafe(String id) {
        return rejectionReason(id) == null;
    }

    /** {@code inbound} when it is {@linkplain #isSafe safe}, else a {@linkplain #generate fresh} ID. */
    public static String acceptOrGenerate(String inbound) {
        return isSafe(inbound) ? inbound : generate();
    }

    /**
     * Why {@code id} is not safe, in words that never quote it (so the reason itself may be logged), or
     * null when it is safe.
     */
    public static String rejectionReason(String id) {
        Rejection r = rejection(id);
        return r == null ? null : r.reason();
    }

    /** Why an inbound ID was not safe: its kind (a small fixed set) and the reason in words. */
    record Rejection(Kind kind, String reason) {
        /** The kinds of rejection; {@link Correlation#resume} reports each at INFO once. */
        enum Kind {
            ABSENT("absent"), TOO_SHORT("too short"), TOO_LONG("too long"), UNSAFE_CHARACTER("with an unsafe character");

            private final String words;

            Kind(String words) {
                this.words = words;
            }

            /** The kind in words, to follow "IDs": "too long". */
            String words() {
                return words;
            }
        }
    }

    /** The {@link Rejection} of {@code id}, or null when it is {@linkplain #isSafe safe}. */
    static Rejection rejection(String id) {
        if (id == null) {
            return new Rejection(Rejection.Kind.ABSENT, "absent");
        }
        int n = id.length();
        if (n < MIN_LENGTH || n > MAX_LENGTH) {
            return new Rejection(n < MIN_LENGTH ? Rejection.Kind.TOO_SHORT : Rejection.Kind.TOO_LONG,
                    "length " + n + " outside " + MIN_LENGTH + ".." + MAX_LENGTH);
        }
        for (int i = 0; i < n; i++) {
            char c = id.charAt(i);
            if (!isSafeChar(c)) {
                return new Rejection(Rejection.Kind.UNSAFE_CHARACTER,
                        String.format("character U+%04X at index %d is not a letter, digit, '-', '_', '.' or ':'", (int) c, i));
            }
        }
        return null;
    }

    private static boolean isSafeChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == ':';
    }

    /** One thread's block of sequence numbers and the buffer its IDs are written into before the copy. */
    private static final class Sequence {
        long next;
        long end;
        final byte[] text = new byte[GENERATED_LENGTH];
    }

    /** A bijection of 64-bit values (the MurmurHash3 finaliser): distinct inputs give distinct outputs. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
