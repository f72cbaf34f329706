package io.pgenrm.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The operating-system account the PostgreSQL processes run as. initdb and postgres refuse to run as root, so a
 * root JVM runs them as {@code nobody} through {@code setpriv}; any other JVM runs them as itself.
 *
 * @param uid the account's user id
 * @param gid the account's group id
 * @param switched whether commands run through {@code setpriv} as this account instead of as the JVM's user
 */
record ServerAccount(int uid, int gid, boolean switched) {
    private static final int NOBODY = 65534;

    static ServerAccount forThisJvm() {
        try {
            int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            if (uid != 0) {
                return new ServerAccount(uid, (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:gid"), false);
            }
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] fields = line.split(":");
                if (fields.length > 3 && fields[0].equals("nobody")) {
                    return new ServerAccount(Integer.parseInt(fields[2]), Integer.parseInt(fields[3]), true);
                }
            }
            return new ServerAccount(NOBODY, NOBODY, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not determine the user this JVM runs as", e);
        }
    }

    /** Where unpacked binaries are cached: outside any home directory for root, so the server account can read them. */
    Path binaryCache() {
        if (switched) {
            return Path.of("/var/cache/pgenrm");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return base.resolve("pgenrm");
    }

    /**
     * Makes {@code dir} (recursively) owned by this account and checks that the account can reach it; a root JVM
     * otherwise fails late inside initdb with an unhelpful "permission denied".
     */
    void takeOwnership(Path dir) throws IOException {
        if (!switched) {
            return;
        }
        for (Path ancestor = dir.toRealPath().getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            if (!Files.getPosixFilePermissions(ancestor).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException("PostgreSQL refuses to run as root, so it runs as user nobody, which"
                        + " cannot enter " + ancestor + " to reach " + dir + ". Choose a data directory nobody can"
                        + " reach (e.g. under /var/lib or /var/tmp), run as a regular user, or set PGENRM_DB_URL.");
            }
        }
        if (!Integer.valueOf(uid).equals(Files.getAttribute(dir, "unix:uid"))) {
            ProcessResult chown = run(List.of("chown", "-R", uid + ":" + gid, dir.toString()), false, "");
            if (chown.exitCode() != 0) {
                throw new IllegalStateException("Could not give " + dir + " to user nobody: " + chown.output());
            }
        }
    }

    /** Runs {@code command} as this account, feeding it {@code stdin}, and returns its combined output. */
    ProcessResult runAsServer(List<String> command, String stdin) {
        return run(command, switched, stdin);
    }

    /** Starts a process as the JVM's own user, with the environment the PostgreSQL tools expect. */
    static ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        // PGDATA, PGPORT, PGOPTIONS and friends from the caller's shell must not redirect the embedded server.
        env.keySet().removeIf(name -> name.startsWith("PG"));
        env.put("LC_ALL", "C");
        // The JVM's working directory may be unreachable for the server account; the tools call getcwd().
        return builder.directory(Path.of("/").toFile());
    }

    List<String> asServer(List<String> command) {
        if (!switched) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid,
                "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private ProcessResult run(List<String> command, boolean asServer, String stdin) {
        List<String> full = asServer ? asServer(command) : command;
        try {
            Process process = builder(full).redirectErrorStream(true).start();
            try (var in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new ProcessResult(process.waitFor(), output.strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + String.join(" ", full), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", full), e);
        }
    }

    record ProcessResult(int exitCode, String output) {
    }
}
