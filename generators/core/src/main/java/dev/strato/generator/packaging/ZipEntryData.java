package dev.strato.generator.packaging;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * One file of a package, compressed once so that every package that holds it reuses the bytes.
 *
 * @param mode Unix permission bits: 0644, or 0755 for executables
 */
public record ZipEntryData(String path, int mode, long crc, long size, byte[] deflated) {

    public static final int REGULAR = 0644;
    public static final int EXECUTABLE = 0755;

    public static ZipEntryData of(String path, byte[] content, boolean executable) {
        CRC32 crc = new CRC32();
        crc.update(content);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(content);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, content.length / 2));
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
            return new ZipEntryData(
                    path, executable ? EXECUTABLE : REGULAR, crc.getValue(), content.length, out.toByteArray());
        } finally {
            deflater.end();
        }
    }
}
