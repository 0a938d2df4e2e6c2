package org.helpdesktriage.store.file;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Derives the file name of a ticket from its id, so that no id can escape the tickets directory,
 * name a device, exceed file-name limits or collide with another id, on any common file system.
 *
 * <p>The scheme, applied to the id's characters in turn:
 * <ul>
 *   <li>{@code A-Z}, {@code 0-9} and {@code -} are kept: a normal id such as
 *       {@code TKT-20261123-AB12CD34} is its own file name;</li>
 *   <li>a lower-case letter {@code a-z} becomes {@code ^} and the letter ({@code abc} ->
 *       {@code ^a^b^c}), so {@code ABC} and {@code abc} differ even where file names ignore
 *       case: a bare letter always means upper case, {@code ^}+letter lower case;</li>
 *   <li>every other character becomes {@code %XX} for each byte of its UTF-8 form, upper-case
 *       hex ({@code ../x} -> {@code %2E%2E%2F^x}); so names never hold {@code /}, {@code \},
 *       {@code .}, {@code :}, control characters, or anything a file system forbids.</li>
 * </ul>
 * The result is prefixed with {@code ~} when it is empty or is a Windows device name
 * ({@code CON}, {@code PRN}, {@code AUX}, {@code NUL}, {@code COM0}-{@code COM9},
 * {@code LPT0}-{@code LPT9}, compared ignoring case); Windows treats {@code CON.json} as the
 * device too, and a dot in the id is escaped, so the check on the whole encoded name suffices.
 * When the encoded name exceeds {@value #MAX_ENCODED} characters, it is cut to its first
 * {@value #PREFIX} characters (never inside an escape) followed by {@code +} and the SHA-256 of
 * the id in lower-case hex; such a name cannot be decoded, and the file store relies on the
 * ticket id inside the file. {@code ~} and {@code +} never occur in the encoding otherwise. Every
 * name ends in {@code .json} and is at most 220 ASCII characters.
 */
public final class FileNames {

    /** The extension of ticket files. */
    public static final String EXTENSION = ".json";

    static final int MAX_ENCODED = 200;
    static final int PREFIX = 150;

    private static final Set<String> DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "COM0", "COM1",
            "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT0", "LPT1", "LPT2",
            "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private FileNames() {
    }

    /** Returns the file name (with {@code .json}) of the ticket with this id. */
    public static String forId(String ticketId) {
        Objects.requireNonNull(ticketId, "ticketId");
        StringBuilder sb = new StringBuilder(ticketId.length() + 8);
        byte[] bytes = ticketId.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') {
                sb.append((char) c);
            } else if (c >= 'a' && c <= 'z') {
                sb.append('^').append((char) c);
            } else {
                sb.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
        }
        String name = sb.toString();
        if (name.isEmpty() || DEVICES.contains(name.toUpperCase(Locale.ROOT))) {
            name = "~" + name;
        }
        if (name.length() > MAX_ENCODED) {
            int cut = PREFIX;
            // do not end inside an escape: "%X", "%" or "^"
            while (cut > 0 && (name.charAt(cut - 1) == '%' || name.charAt(cut - 1) == '^'
                    || (cut > 1 && name.charAt(cut - 2) == '%'))) {
                cut--;
            }
            name = name.substring(0, cut) + "+" + sha256(ticketId);
        }
        return name + EXTENSION;
    }

    /**
     * Returns the id a file name encodes, or empty when the name is not an encoded id or is a
     * hashed (shortened) name.
     */
    public static Optional<String> idOf(String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        if (!fileName.endsWith(EXTENSION)) {
            return Optional.empty();
        }
        String name = fileName.substring(0, fileName.length() - EXTENSION.length());
        if (name.startsWith("~")) {
            name = name.substring(1);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') {
                out.write(c);
            } else if (c == '^' && i + 1 < name.length()
                    && Character.isLetter(name.charAt(i + 1))) {
                out.write(Character.toLowerCase(name.charAt(++i)));
            } else if (c == '%' && i + 2 < name.length()) {
                int hi = Character.digit(name.charAt(i + 1), 16);
                int lo = Character.digit(name.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(out.toString(StandardCharsets.UTF_8));
    }

    private static final String HEX = "0123456789ABCDEF";

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
