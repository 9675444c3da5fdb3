package com.certcare.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster from the server binaries installed on the machine (Debian's
 * {@code /usr/lib/postgresql/<v>/bin}, or {@code PG_BIN}), on a free loopback port, with a private
 * socket directory and durability switched off. As root it runs through {@code runuser -u postgres},
 * because PostgreSQL refuses to run as root.
 */
public final class PrivatePostgres implements AutoCloseable {

    private final Path dir;
    private final Path bin;
    private final int port;
    private final boolean asPostgresUser;

    private PrivatePostgres(Path dir, Path bin, int port, boolean asPostgresUser) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    public static PrivatePostgres start(String superuser) throws IOException, InterruptedException {
        Path bin = findBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("certcare-pg-");
        if (root) {
            run(List.of("chown", "postgres:postgres", dir.toString()), dir, 10);
        }
        int port = freePort();
        PrivatePostgres pg = new PrivatePostgres(dir, bin, port, root);
        Path data = dir.resolve("data");
        pg.exec(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", superuser, "-A", "trust",
                "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"), 60);
        String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=100";
        pg.exec(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-o", options, "-l",
                dir.resolve("server.log").toString(), "-w", "-t", "30", "start"), 60);
        return pg;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        try {
            exec(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"), 30);
        } catch (Exception e) {
            System.err.println("PrivatePostgres: stop failed: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            System.err.println("PrivatePostgres: could not delete " + dir + ": " + e.getMessage());
        }
    }

    private void exec(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, dir, timeoutSeconds);
    }

    /** Output goes to a file, not a pipe: the server inherits it and a pipe could hang the child. */
    private static void run(List<String> command, Path dir, int timeoutSeconds)
            throws IOException, InterruptedException {
        File log = dir.resolve("commands.log").toFile();
        Process process = new ProcessBuilder(command).directory(new File("/"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("Timed out: " + String.join(" ", command));
        }
        if (process.exitValue() != 0) {
            throw new IOException("Failed (" + process.exitValue() + "): " + String.join(" ", command) + "\n"
                    + (log.exists() ? Files.readString(log.toPath()) : ""));
        }
    }

    static Path findBinaries() throws IOException {
        String configured = System.getenv("PG_BIN");
        if (configured != null && Files.isExecutable(Path.of(configured, "initdb"))) {
            return Path.of(configured);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var found = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString()
                                .replaceAll("\\D", "0"))));
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new IOException("No PostgreSQL server binaries found. Install them (apt-get install -y postgresql)"
                + " or set PG_BIN, or point CERTCARE_TEST_PG_URL at a running server.");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
