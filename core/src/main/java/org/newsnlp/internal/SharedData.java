package org.newsnlp.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Finds the project's shared data folder ({@code ../shared} beside the checkout) for training commands and
 * data-driven tests. Looks at the {@code newsnlp.shared} system property, then the {@code NEWSNLP_SHARED}
 * environment variable, then {@code shared/} in the working directory and its parents.
 *
 * <p>No compatibility promise: this is internal. Stateless and safe to use from any thread.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The shared folder, if found. */
    public static Optional<Path> root() {
        String prop = System.getProperty("newsnlp.shared");
        if (prop != null && Files.isDirectory(Paths.get(prop))) {
            return Optional.of(Paths.get(prop).toAbsolutePath().normalize());
        }
        String env = System.getenv("NEWSNLP_SHARED");
        if (env != null && Files.isDirectory(Paths.get(env))) {
            return Optional.of(Paths.get(env).toAbsolutePath().normalize());
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("datasets"))) {
                return Optional.of(candidate.normalize());
            }
            Path sibling = dir.resolveSibling("shared");
            if (dir.getParent() != null && Files.isDirectory(sibling.resolve("datasets"))) {
                return Optional.of(sibling.normalize());
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /** A file or folder under the shared folder, if it exists ({@code "datasets/conll2003/eng.train.gz"}). */
    public static Optional<Path> find(String relative) {
        return root().map(r -> r.resolve(relative)).filter(Files::exists);
    }

    /**
     * True when data-driven tests must fail rather than skip on missing data: in CI ({@code CI=true}).
     */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
