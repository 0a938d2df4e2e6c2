package org.helpdesktriage.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies a JSON Lines file with Jackson databind and nothing else, on one thread: each line is
 * read into a tree (or, with {@code --map}, into a {@code Map}, written back through a
 * {@code SequenceWriter}: issue 14's denominator) and written back. It is the bound on what
 * end-to-end triage of the same file can reach, since triage parses and writes the same records
 * and adds its logic in between.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.helpdesktriage.bench.BareCopy [--map] in.jsonl out.jsonl
 * </pre>
 */
public final class BareCopy {

    private BareCopy() {
    }

    /**
     * Copies {@code args[0]} to {@code args[1]} and prints the record count to stderr.
     *
     * @param args the input and the output file
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("--map")) {
            copyMaps(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        if (args.length != 2) {
            System.err.println("usage: BareCopy [--map] INPUT.jsonl OUTPUT.jsonl");
            System.exit(2);
        }
        ObjectMapper mapper = new ObjectMapper();
        long records = 0;
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[1])),
                        64 * 1024);
                JsonGenerator g = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode record = mapper.readTree(line);
                mapper.writeTree(g, record);
                g.writeRaw('\n');
                records++;
            }
        }
        System.err.println("BareCopy: " + records + " records");
    }

    // each line read into a Map and written back through one SequenceWriter
    private static void copyMaps(Path input, Path output) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        com.fasterxml.jackson.databind.ObjectReader reader = mapper.readerFor(java.util.Map.class);
        long records = 0;
        try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(output),
                        64 * 1024);
                com.fasterxml.jackson.databind.SequenceWriter w = mapper.writer()
                        .withRootValueSeparator("\n").writeValues(out)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                java.util.Map<?, ?> record = reader.readValue(line);
                w.write(record);
                records++;
            }
        }
        System.err.println("BareCopy --map: " + records + " records");
    }
}
