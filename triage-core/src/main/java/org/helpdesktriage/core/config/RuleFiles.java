package org.helpdesktriage.core.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rules of a configuration and where each is written: the configuration file's own
 * {@code rules}, then those of each file {@code rule_files} names, in the order listed, the
 * files a glob matches sorted by path. Paths and globs are relative to the configuration file.
 */
final class RuleFiles {

    /**
     * Where a rule is written: the file (or the built-in defaults) and its place there.
     *
     * @param origin the file as messages name it, or the built-in defaults
     * @param file the file, or {@code null} for the built-in defaults
     * @param index the rule's index in that file's {@code rules}
     */
    record Source(String origin, Path file, int index) {

        /** Returns the pointer of the rule, or of {@code suffix} inside it, in its file. */
        JsonPointer pointer(String... suffix) {
            JsonPointer p = JsonPointer.empty().appendProperty("rules").appendIndex(index);
            for (String s : suffix) {
                p = p.appendProperty(s);
            }
            return p;
        }

        /** Returns "file line N: rules[i]" for messages about this rule. */
        String where(String... suffix) {
            String line = file == null ? null : ConfigReading.lineOf(file, pointer(suffix));
            StringBuilder path = new StringBuilder("rules[" + index + "]");
            for (String s : suffix) {
                path.append('.').append(s);
            }
            return origin + (line == null ? "" : " line " + line) + ": " + path;
        }
    }

    /** Rules read, in configuration order, each with its source. */
    record Loaded(List<JsonNode> rules, List<Source> sources) {
    }

    private RuleFiles() {
    }

    /**
     * Reads the rules of the files that {@code entries} name.
     *
     * @param config the configuration file the entries are relative to
     * @param entries the {@code rule_files} values, paths or globs
     */
    static Loaded read(Path config, List<RuleFileEntry> entries, Problems problems) {
        Path dir = config.toAbsolutePath().normalize().getParent();
        List<JsonNode> rules = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            RuleFileEntry entry = entries.get(i);
            for (Path file : problems.check(() -> files(config, dir, entry),
                    List.<Path>of())) {
                if (!seen.add(file.toAbsolutePath().normalize())) {
                    continue;
                }
                ConfigReading.Read read = ConfigReading.read(file, RuleFile.class, problems);
                if (read.tree() == null) {
                    continue;
                }
                Set<Integer> bad = new java.util.HashSet<>();
                read.badValues().forEach(p -> badRule(p).ifPresent(bad::add));
                JsonNode list = read.tree().path("rules");
                for (int r = 0; r < list.size(); r++) {
                    if (!bad.contains(r)) {
                        rules.add(list.get(r));
                        sources.add(new Source(file.toString(), file, r));
                    }
                }
            }
        }
        return new Loaded(rules, sources);
    }

    /** Returns the index of the rule a bad value's pointer lies in, if it lies in one. */
    static java.util.Optional<Integer> badRule(JsonPointer p) {
        if (!"rules".equals(p.getMatchingProperty()) || p.tail() == null
                || p.tail().getMatchingIndex() < 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(p.tail().getMatchingIndex());
    }

    // a file outside the configuration's folder, or a link leading out of it, is read only
    // with "allow_outside": true beside its entry; the refusal names the entry, never a file's
    // content
    private static List<Path> files(Path config, Path dir, RuleFileEntry entry) {
        String path = entry.path();
        if (entry.outsideAllowed() || path == null || path.isBlank()) {
            return resolve(config, dir, path);
        }
        // checked before a glob is walked, so "../**" never lists the disk
        StringBuilder base = new StringBuilder();
        for (String part : path.split("/", -1)) {
            if (part.matches(".*[*?\\[{].*")) {
                break;
            }
            base.append(part).append('/');
        }
        if (!dir.resolve(base.toString()).normalize().startsWith(dir)) {
            throw outside(config, dir, path);
        }
        List<Path> files = resolve(config, dir, path);
        Path realDir = real(dir);
        for (Path file : files) {
            if (!file.normalize().startsWith(dir) || !real(file).startsWith(realDir)) {
                throw outside(config, dir, path);
            }
        }
        return files;
    }

    private static RuntimeException outside(Path config, Path dir, String path) {
        return ConfigLoader.invalid(config + ": rule_files '" + path + "' names files outside "
                + "the configuration's folder " + dir + "; none was read. If that is meant, "
                + "write the entry as {\"path\": \"" + path + "\", \"allow_outside\": true}");
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    // a path names one file; a glob (* ? [ {) every file it matches, sorted by path
    private static List<Path> resolve(Path config, Path dir, String entry) {
        if (entry == null || entry.isBlank()) {
            throw ConfigLoader.invalid(config + ": rule_files has a blank entry");
        }
        if (!entry.matches(".*[*?\\[{].*")) {
            return List.of(dir.resolve(entry).normalize());
        }
        String[] parts = entry.split("/");
        Path base = dir;
        int first = 0;
        while (first < parts.length - 1 && !parts[first].matches(".*[*?\\[{].*")) {
            base = base.resolve(parts[first]);
            first++;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + entry);
        List<Path> matches = new ArrayList<>();
        if (Files.isDirectory(base)) {
            int depth = entry.contains("**") ? Integer.MAX_VALUE : parts.length - first;
            try (Stream<Path> walk = Files.walk(base, depth)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> matcher.matches(dir.relativize(p)))
                        .sorted()
                        .forEach(matches::add);
            } catch (IOException e) {
                throw ConfigLoader.invalid(config + ": rule_files '" + entry
                        + "': cannot list " + base + ": " + e.getMessage());
            }
        }
        if (matches.isEmpty()) {
            throw ConfigLoader.invalid(config + ": rule_files '" + entry + "' matches no file"
                    + " (globs are relative to " + dir + ")");
        }
        return matches;
    }
}
