package org.helpdesktriage.cli.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.helpdesktriage.core.internal.io.AtomicOutput;

/**
 * One self-contained HTML report: a title, key figures and sections, rendered by the template
 * {@code report.mustache} (which escapes every value) and written atomically.
 *
 * <pre>{@code
 * HtmlReport report = new HtmlReport("Evaluation", "42 tickets");
 * report.fact("accuracy", "0.9524");
 * report.section(...);
 * report.write(Path.of("evaluate.html"));
 * }</pre>
 */
public final class HtmlReport {

    private static final Mustache TEMPLATE = new DefaultMustacheFactory(
            "org/helpdesktriage/cli/report").compile("report.mustache");

    private final String title;
    private final String subtitle;
    private final List<Fact> facts = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();

    /** A key figure shown at the top. */
    public record Fact(String name, String value) {
    }

    HtmlReport(String title, String subtitle) {
        this.title = title;
        this.subtitle = subtitle;
    }

    HtmlReport fact(String name, Object value) {
        facts.add(new Fact(name, String.valueOf(value)));
        return this;
    }

    HtmlReport section(Section section) {
        sections.add(section);
        return this;
    }

    public String title() {
        return title;
    }

    public String subtitle() {
        return subtitle;
    }

    public List<Fact> facts() {
        return facts;
    }

    public List<Section> sections() {
        return sections;
    }

    /** Returns the page. */
    public String render() {
        StringWriter out = new StringWriter();
        TEMPLATE.execute(out, this);
        return out.toString();
    }

    /** Writes the page to {@code file} atomically (temporary file, fsync, rename). */
    public void write(Path file) throws IOException {
        AtomicOutput.write(file, render().getBytes(StandardCharsets.UTF_8));
    }
}
