package io.pgenrm.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets one process listens on, from Linux's /proc: the socket inodes among its file descriptors, looked up
 * in its network namespace's TCP tables. Sockets of other processes on the machine never count.
 */
final class ListeningSockets {
    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** @throws IllegalStateException if the process has ended */
    static List<InetSocketAddress> of(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            Set<String> inodes = socketInodes(proc.resolve("fd"));
            List<InetSocketAddress> listening = new ArrayList<>();
            for (String table : List.of("tcp", "tcp6")) {
                List<String> rows = Files.readAllLines(proc.resolve("net").resolve(table));
                for (String row : rows.subList(1, rows.size())) {
                    String[] fields = row.strip().split("\\s+");
                    if (fields[3].equals(LISTEN) && inodes.contains(fields[9])) {
                        listening.add(address(fields[1]));
                    }
                }
            }
            return listening;
        } catch (NoSuchFileException gone) {
            throw new IllegalStateException("process " + pid + " ended before its sockets were read", gone);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> socketInodes(Path fdDirectory) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(fdDirectory)) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (NoSuchFileException closedMeanwhile) {
                    continue;
                }
                if (target.startsWith("socket:[")) {
                    inodes.add(target.substring("socket:[".length(), target.length() - 1));
                }
            }
        }
        return inodes;
    }

    /** "0100007F:1F90" is 127.0.0.1:8080: each 32-bit word of the address is in host (x86: little-endian) order. */
    private static InetSocketAddress address(String hex) throws IOException {
        String[] hostAndPort = hex.split(":");
        byte[] raw = HexFormat.of().parseHex(hostAndPort[0]);
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 2; i++) {
                byte b = raw[word + i];
                raw[word + i] = raw[word + 3 - i];
                raw[word + 3 - i] = b;
            }
        }
        return new InetSocketAddress(InetAddress.getByAddress(raw), Integer.parseInt(hostAndPort[1], 16));
    }
}
