package org.medfund.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the embedded database and the log file live: {@code --medfund.data-dir=DIR} on the command line, else
 * {@code MEDFUND_DATA_DIR}, else {@code $HOME/.medfund}. Java's {@code user.home} comes from the password file and
 * ignores {@code $HOME}, so two users (or two test runs) with different {@code HOME}s would silently share one
 * database; it is only the last resort, when {@code HOME} is unset.
 */
public final class DataDirectory {

    static final String PROPERTY = "medfund.data-dir";
    static final String DIRECTORY_NAME = ".medfund";
    public static final String LOG_FILE_NAME = "medfund.log";

    private DataDirectory() {
    }

    static Path resolve(String[] args, Map<String, String> environment, String userHome) {
        for (String arg : args) {
            if (arg.startsWith("--" + PROPERTY + "=")) {
                return Path.of(arg.substring(PROPERTY.length() + 3)).toAbsolutePath();
            }
        }
        String configured = environment.get("MEDFUND_DATA_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        String home = environment.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : userHome, DIRECTORY_NAME).toAbsolutePath();
    }
}
