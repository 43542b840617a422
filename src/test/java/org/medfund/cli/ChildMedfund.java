package org.medfund.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.medfund.MedfundApplication;

/**
 * {@code medfund ARGS} in a JVM of its own, started like {@code ./medfund} starts one (main class, the test class
 * path), for what only a separate process shows: a second process on the same database file, logging set up from
 * scratch. The environment is the test's, without any medfund data-directory or database setting, plus
 * {@code environment}.
 */
record ChildMedfund(int exitCode, String out, String err) {

    private static final long SECONDS_MAX = 300;

    static ChildMedfund run(Path workDirectory, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), MedfundApplication.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("MEDFUND_DATA_DIR");
        builder.environment().remove("MEDFUND_DB_URL");
        builder.environment().putAll(environment);
        Path out = Files.createTempFile(workDirectory, "child", ".out");
        Path err = Files.createTempFile(workDirectory, "child", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(SECONDS_MAX, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("medfund " + String.join(" ", args) + " did not finish: "
                    + Files.readString(out) + Files.readString(err));
        }
        return new ChildMedfund(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
