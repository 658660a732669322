package dev.strato.model.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Byte-level mutations in the manner of libFuzzer's: flips, inserts of interesting bytes and tokens, deletes, splices. */
final class Mutator {

    private static final String[] TOKENS = {
        "${",
        "}",
        "${env:",
        "${self:",
        "${param:p}",
        "${file(./values.yml):b}",
        ":",
        "- ",
        "{",
        "[",
        "]",
        "&a ",
        "*a",
        "!!str ",
        "!Ref ",
        "\t",
        "\n  ",
        "'",
        "\"",
        "\\u0000",
        "\\ud800",
        "%YAML 1.1\n",
        "---\n",
        "? ",
        "<<: *a\n",
        "~",
        "0x",
        "1e9999",
        "-",
        "..",
        "/"
    };
    private static final byte[] BYTES = {
        0,
        1,
        9,
        10,
        13,
        27,
        32,
        34,
        39,
        58,
        92,
        123,
        125,
        (byte) 0x80,
        (byte) 0xC3,
        (byte) 0xE2,
        (byte) 0xF0,
        (byte) 0xFE,
        (byte) 0xFF,
        0x7F
    };

    private Mutator() {}

    static byte[] mutate(Random r, byte[] seed, byte[] other) {
        byte[] b = seed.clone();
        int rounds = 1 + r.nextInt(6);
        for (int i = 0; i < rounds; i++) b = once(r, b, other);
        return b;
    }

    private static byte[] once(Random r, byte[] b, byte[] other) {
        int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 32);
        switch (r.nextInt(7)) {
            case 0 -> { // flip a bit
                if (b.length == 0) return b;
                byte[] c = b.clone();
                c[Math.min(at, c.length - 1)] ^= (byte) (1 << r.nextInt(8));
                return c;
            }
            case 1 -> { // insert an interesting byte
                out.write(b, 0, at);
                out.write(BYTES[r.nextInt(BYTES.length)]);
                out.write(b, at, b.length - at);
            }
            case 2 -> { // insert a token
                out.write(b, 0, at);
                out.writeBytes(TOKENS[r.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
                out.write(b, at, b.length - at);
            }
            case 3 -> { // delete a run
                int len = Math.min(b.length - at, 1 + r.nextInt(16));
                out.write(b, 0, at);
                out.write(b, at + len, b.length - at - len);
            }
            case 4 -> { // duplicate a run (grows repetition, nesting)
                int len = Math.min(b.length - at, 1 + r.nextInt(64));
                out.write(b, 0, at + len);
                out.write(b, at, b.length - at);
            }
            case 5 -> { // splice with another seed
                int from = other.length == 0 ? 0 : r.nextInt(other.length);
                out.write(b, 0, at);
                out.write(other, from, other.length - from);
            }
            default -> { // truncate
                out.write(b, 0, at);
            }
        }
        return out.toByteArray();
    }
}
