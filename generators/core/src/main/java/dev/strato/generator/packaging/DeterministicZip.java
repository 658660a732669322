package dev.strato.generator.packaging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes zip archives whose bytes depend only on the entries' paths, contents and modes: entries
 * sorted by path, every timestamp 1980-01-01 00:00, Unix modes 0644/0755, no extra fields, no
 * data descriptors, no folder entries. java.util.zip cannot set Unix modes, hence this writer.
 */
public final class DeterministicZip {

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final int VERSION_NEEDED = 20;
    private static final int MADE_BY_UNIX = (3 << 8) | VERSION_NEEDED;
    private static final int UTF8_NAMES = 1 << 11;
    private static final int DEFLATED = 8;
    private static final int DOS_TIME = 0;
    private static final int DOS_DATE = (1 << 5) | 1;
    private static final int REGULAR_FILE = 0100000;
    private static final long MAX_32 = 0xFFFFFFFFL;

    private DeterministicZip() {}

    public static byte[] write(List<ZipEntryData> entries) {
        List<ZipEntryData> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(ZipEntryData::path));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).path().equals(sorted.get(i - 1).path()))
                throw new IllegalArgumentException(
                        "duplicate zip entry " + sorted.get(i).path());
        }
        if (sorted.size() > 0xFFFF) throw new IllegalArgumentException("more than 65535 files in one package");
        Out out = new Out();
        long[] offsets = new long[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            ZipEntryData e = sorted.get(i);
            offsets[i] = out.size();
            byte[] name = e.path().getBytes(StandardCharsets.UTF_8);
            out.int32(LOCAL_HEADER);
            out.int16(VERSION_NEEDED);
            common(out, e, name);
            out.bytes(name);
            out.bytes(e.deflated());
        }
        long centralStart = out.size();
        for (int i = 0; i < sorted.size(); i++) {
            ZipEntryData e = sorted.get(i);
            byte[] name = e.path().getBytes(StandardCharsets.UTF_8);
            out.int32(CENTRAL_HEADER);
            out.int16(MADE_BY_UNIX);
            out.int16(VERSION_NEEDED);
            common(out, e, name);
            out.int16(0);
            out.int16(0);
            out.int16(0);
            out.int32((long) (REGULAR_FILE | e.mode()) << 16);
            out.int32(offsets[i]);
            out.bytes(name);
        }
        long centralSize = out.size() - centralStart;
        out.int32(END_OF_CENTRAL_DIRECTORY);
        out.int16(0);
        out.int16(0);
        out.int16(sorted.size());
        out.int16(sorted.size());
        out.int32(centralSize);
        out.int32(centralStart);
        out.int16(0);
        return out.toByteArray();
    }

    /** The fields local and central headers share, from general purpose flags to the extra field length. */
    private static void common(Out out, ZipEntryData e, byte[] name) {
        out.int16(UTF8_NAMES);
        out.int16(DEFLATED);
        out.int16(DOS_TIME);
        out.int16(DOS_DATE);
        out.int32(e.crc());
        out.int32(e.deflated().length);
        out.int32(e.size());
        out.int16(name.length);
        out.int16(0);
    }

    private static final class Out extends ByteArrayOutputStream {

        void int16(int v) {
            write(v & 0xFF);
            write((v >>> 8) & 0xFF);
        }

        void int32(long v) {
            if (v < 0 || v > MAX_32)
                throw new IllegalArgumentException("package larger than 4 GB (zip64 is not supported)");
            for (int i = 0; i < 4; i++) write((int) (v >>> (8 * i)) & 0xFF);
        }

        void bytes(byte[] b) {
            write(b, 0, b.length);
        }
    }
}
