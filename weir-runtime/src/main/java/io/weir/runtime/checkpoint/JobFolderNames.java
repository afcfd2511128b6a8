package io.weir.runtime.checkpoint;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns a job name into a folder name that is safe on every file system and distinct for distinct names:
 * letters, digits, {@code -}, {@code _} and {@code .} stay, every other byte of the UTF-8 form becomes {@code %XX}
 * (as do a leading {@code .}, so the folder is never hidden or {@code ..}). "word count" becomes "word%20count".
 * Names whose encoding is longer than {@value #MAX_LENGTH} characters are cut and get a hash of the whole name.
 */
final class JobFolderNames {
    static final int MAX_LENGTH = 200;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private JobFolderNames() {}

    static String encode(String jobName) {
        if (jobName.isEmpty()) {
            throw new IllegalArgumentException("the job name is empty; give the job a name, e.g. env.execute(\"word count\")");
        }
        StringBuilder sb = new StringBuilder();
        byte[] utf8 = jobName.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            int b = utf8[i] & 0xFF;
            boolean plain = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                    || b == '-' || b == '_' || (b == '.' && i > 0);
            if (plain) {
                sb.append((char) b);
            } else {
                sb.append('%').append(HEX.toHexDigits((byte) b));
            }
        }
        if (sb.length() <= MAX_LENGTH) {
            return sb.toString();
        }
        int cut = MAX_LENGTH - 17;
        while ((cut > 0 && sb.charAt(cut - 1) == '%') || (cut > 1 && sb.charAt(cut - 2) == '%')) {
            cut--; // do not cut through an escape
        }
        return sb.substring(0, cut) + "~" + sha256Prefix(jobName);
    }

    /** The job name a folder name stands for (best effort for cut names, which keep only the start). */
    static String decode(String folderName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < folderName.length(); i++) {
            char c = folderName.charAt(i);
            if (c == '%' && i + 2 < folderName.length()
                    && HexFormat.isHexDigit(folderName.charAt(i + 1)) && HexFormat.isHexDigit(folderName.charAt(i + 2))) {
                out.write(HexFormat.fromHexDigits(folderName, i + 1, i + 3));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String sha256Prefix(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
