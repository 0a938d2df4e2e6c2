package org.helpdesktriage.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The files a command reads and the files it writes, named by the option that gave each. Checked
 * before anything is opened, so that no output replaces an input or another output: two names
 * are the same file when they resolve to the same real path (symbolic links, {@code ./x} and
 * {@code x}, a folder reached through a link) or to the same inode (hard links).
 */
final class CommandFiles {

    private final List<Named> inputs = new ArrayList<>();
    private final List<Named> outputs = new ArrayList<>();

    /** Adds a file the command reads; {@code -} (standard input) and {@code null} are skipped. */
    CommandFiles input(String option, Path file) {
        if (file != null && !file.toString().equals("-")) {
            inputs.add(new Named(option, file));
        }
        return this;
    }

    /** Adds a file the command writes; {@code -} (standard output) and {@code null} are skipped. */
    CommandFiles output(String option, Path file) {
        if (file != null && !file.toString().equals("-")) {
            outputs.add(new Named(option, file));
        }
        return this;
    }

    /**
     * Returns the first clash, an output that is an input or another output, as a message that
     * names both; empty when there is none.
     */
    Optional<String> clash() {
        for (int i = 0; i < outputs.size(); i++) {
            Named out = outputs.get(i);
            Identity id = Identity.of(out.file);
            for (Named in : inputs) {
                if (id.sameAs(Identity.of(in.file))) {
                    return Optional.of(out.describe() + " is the same file as " + in.describe()
                            + ": writing it would destroy the input; name another file");
                }
            }
            for (int j = 0; j < i; j++) {
                Named other = outputs.get(j);
                if (id.sameAs(Identity.of(other.file))) {
                    return Optional.of(out.describe() + " is the same file as "
                            + other.describe() + ": one would replace the other and what it "
                            + "holds would be lost; name another file");
                }
            }
        }
        return Optional.empty();
    }

    private record Named(String option, Path file) {
        String describe() {
            return option + " '" + file + "'";
        }
    }

    /**
     * Where a name leads: its real path (the path of the nearest existing folder, resolved, with
     * the rest appended, for a file yet to be written) and, for an existing file, its file key.
     */
    private record Identity(Path real, Object key) {

        static Identity of(Path file) {
            Path absolute = file.toAbsolutePath().normalize();
            try {
                if (Files.exists(absolute)) {
                    Object key = Files.readAttributes(absolute, BasicFileAttributes.class)
                            .fileKey();
                    return new Identity(absolute.toRealPath(), key);
                }
                // a dangling link is written through to its target
                if (Files.isSymbolicLink(absolute)) {
                    Path target = Files.readSymbolicLink(absolute);
                    return of(absolute.resolveSibling(target));
                }
            } catch (IOException | SecurityException e) {
                return new Identity(absolute, null);
            }
            return new Identity(realParent(absolute), null);
        }

        private static Path realParent(Path absolute) {
            Path parent = absolute.getParent();
            if (parent == null) {
                return absolute;
            }
            Path name = absolute.getFileName();
            try {
                if (Files.exists(parent)) {
                    return parent.toRealPath().resolve(name);
                }
            } catch (IOException | SecurityException e) {
                return absolute;
            }
            return realParent(parent).resolve(name);
        }

        boolean sameAs(Identity other) {
            return real.equals(other.real) || key != null && Objects.equals(key, other.key);
        }
    }
}
