package io.mizan.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A digest of a generation's inputs: its arguments, and the path, size and modification time of every
 * file under the given paths. Equal digests mean nothing the generator reads has changed.
 *
 * <pre>{@code
 * String before = Fingerprint.of(args, List.of(Path.of("target/classes")));
 * // ... a class is compiled again ...
 * Fingerprint.of(args, List.of(Path.of("target/classes"))).equals(before);   // false
 * }</pre>
 */
final class Fingerprint {

    private Fingerprint() {}

    static String of(List<String> args, List<Path> paths) {
        MessageDigest digest = sha256();
        args.forEach(a -> update(digest, "arg " + a));
        for (Path root : paths) {
            if (!Files.exists(root)) {
                update(digest, "missing " + root);
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).sorted().forEach(f -> update(digest, describe(f)));
            } catch (IOException | UncheckedIOException e) {
                // unreadable now: never equal to a stamp, so the generator runs and says what is wrong
                update(digest, "unreadable " + root + " " + System.nanoTime());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The jar or folder a class was loaded from. */
    static Path codeSource(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("unknown");
        }
    }

    private static String describe(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return "file " + file + " " + a.size() + " " + a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void update(MessageDigest digest, String line) {
        digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
